//! An upload made into an image: checked, decoded with limits, turned upright,
//! resized for phones, encoded, named by its content. Pure CPU work, run off
//! the async threads.

use super::logic::{self, Format, Invalid};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// One resized variant, encoded.
pub struct Variant {
    pub name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// An upload ready to store.
pub struct Prepared {
    pub id: String,
    /// The original's dimensions, upright.
    pub width: u32,
    pub height: u32,
    /// "jpg", or "png" for an image with transparency.
    pub ext: &'static str,
    pub variants: Vec<Variant>,
}

/// The JPEG quality of the variants: small files, no visible loss on a phone.
const JPEG_QUALITY: u8 = 82;

/// Checks and resizes the bytes uploaded in `field`; a refusal names the
/// field and the message.
pub fn prepare(field: &'static str, bytes: &[u8]) -> Result<Prepared, Invalid> {
    let format = logic::check_file(field, bytes)?;
    let format = match format {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::WebP => ImageFormat::WebP,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(logic::MAX_SIDE);
    limits.max_image_height = Some(logic::MAX_SIDE);
    limits.max_alloc = Some(logic::MAX_DECODE_ALLOC);
    reader.limits(limits);
    let refused = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => (field, "media-error-too-big"),
        _ => (field, "media-error-type"),
    };
    let mut decoder = reader.into_decoder().map_err(refused)?;
    let (w, h) = decoder.dimensions();
    logic::check_dimensions(field, w, h)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(refused)?;
    img.apply_orientation(orientation);
    let (width, height) = (img.width(), img.height());
    let alpha = img.color().has_alpha();
    let ext = if alpha { "png" } else { "jpg" };
    let id = logic::image_id(&Sha256::digest(bytes));
    let mut variants = Vec::new();
    for (vw, vh) in logic::variants(width, height) {
        let resized = if (vw, vh) == (width, height) {
            img.clone()
        } else {
            img.resize_exact(vw, vh, image::imageops::FilterType::CatmullRom)
        };
        let mut out = Cursor::new(Vec::new());
        let encoded = if alpha {
            resized.to_rgba8().write_to(&mut out, ImageFormat::Png)
        } else {
            let rgb = resized.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
        };
        encoded.map_err(|_| (field, "media-error-type"))?;
        variants.push(Variant {
            name: logic::variant_name(&id, vw, ext),
            width: vw,
            height: vh,
            bytes: out.into_inner(),
        });
    }
    Ok(Prepared {
        id,
        width,
        height,
        ext,
        variants,
    })
}

/// [`prepare`] on a blocking thread: decoding a large photo takes a while.
pub async fn prepare_off_thread(
    field: &'static str,
    bytes: Vec<u8>,
) -> Result<Result<Prepared, Invalid>, String> {
    tokio::task::spawn_blocking(move || prepare(field, &bytes))
        .await
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        if alpha {
            image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, 128]))
                .write_to(&mut out, ImageFormat::Png)
                .unwrap();
        } else {
            image::RgbImage::from_pixel(width, height, image::Rgb([10, 20, 30]))
                .write_to(&mut out, ImageFormat::Png)
                .unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn an_opaque_image_becomes_jpeg_variants_of_the_planned_sizes() {
        let p = prepare("image", &png(1200, 600, false)).unwrap();
        assert_eq!((p.width, p.height, p.ext), (1200, 600, "jpg"));
        let sizes: Vec<_> = p.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, vec![(480, 240), (960, 480)]);
        for v in &p.variants {
            let decoded = image::load_from_memory(&v.bytes).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (v.width, v.height));
            assert!(v.name.starts_with(&p.id) && v.name.ends_with(".jpg"));
        }
    }

    #[test]
    fn transparency_is_kept_in_png() {
        let p = prepare("image", &png(300, 300, true)).unwrap();
        assert_eq!(p.ext, "png");
        assert_eq!(p.variants.len(), 1);
        assert!(logic::sniff(&p.variants[0].bytes) == Some(Format::Png));
    }

    #[test]
    fn too_small_and_damaged_images_are_refused() {
        assert_eq!(
            prepare("image", &png(100, 400, false)).err(),
            Some(("image", "media-error-too-small"))
        );
        let mut broken = png(400, 400, false);
        broken.truncate(40);
        assert_eq!(
            prepare("image", &broken).err(),
            Some(("image", "media-error-type"))
        );
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_decoding() {
        // A valid PNG header claiming 60000 × 60000 pixels in a few bytes.
        let mut bomb = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(60_000u32.to_be_bytes());
        ihdr.extend(60_000u32.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        let crc = crc32(&ihdr);
        bomb.extend(13u32.to_be_bytes());
        bomb.extend(&ihdr);
        bomb.extend(crc.to_be_bytes());
        assert_eq!(
            prepare("image", &bomb).err(),
            Some(("image", "media-error-too-big"))
        );
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
