//! The rules of uploaded images, as plain functions: what the bytes are (by
//! their magic numbers), the size and dimension limits, the widths resized
//! for phones, the content-addressed names and the `srcset` of a page.

/// A refused upload: the form field and the Fluent id of the message.
pub type Invalid = (&'static str, &'static str);

/// The largest upload accepted, in bytes (a phone's photo fits).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The smallest side an image may have, in pixels: below it, it is blurred on any screen.
pub const MIN_SIDE: u32 = 200;
/// The largest side an image may have, in pixels; also the decoder's limit,
/// so a small file claiming a huge picture (a decompression bomb) is refused
/// before its pixels are allocated.
pub const MAX_SIDE: u32 = 6000;
/// The most memory the decoder may take for one image (6000 × 6000 RGBA).
pub const MAX_DECODE_ALLOC: u64 = (MAX_SIDE as u64) * (MAX_SIDE as u64) * 4;
/// The widths made for phones and larger screens; never wider than the original.
pub const WIDTHS: [u32; 2] = [480, 960];
/// The longest alternative text, in characters.
pub const MAX_ALT: usize = 300;

/// The formats accepted, recognised by their first bytes (never by the file's
/// name or the browser's content type, which a renamed file fools).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
}

/// What the bytes are, from their magic numbers; `None` for anything else
/// (GIF, SVG, text...).
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::WebP)
    } else {
        None
    }
}

/// The checks before decoding: a file was chosen, not too large, of an accepted format.
pub fn check_file(field: &'static str, bytes: &[u8]) -> Result<Format, Invalid> {
    if bytes.is_empty() {
        return Err((field, "media-error-missing"));
    }
    if bytes.len() > MAX_BYTES {
        return Err((field, "media-error-too-large"));
    }
    sniff(bytes).ok_or((field, "media-error-type"))
}

/// The check after reading the dimensions.
pub fn check_dimensions(field: &'static str, width: u32, height: u32) -> Result<(), Invalid> {
    if width < MIN_SIDE || height < MIN_SIDE {
        Err((field, "media-error-too-small"))
    } else if width > MAX_SIDE || height > MAX_SIDE {
        Err((field, "media-error-too-big"))
    } else {
        Ok(())
    }
}

/// The alternative text, trimmed; required (an image without one says
/// nothing to a screen reader).
pub fn parse_alt(field: &'static str, alt: &str) -> Result<String, Invalid> {
    let alt = alt.trim();
    if alt.is_empty() {
        Err((field, "media-error-alt"))
    } else if alt.chars().count() > MAX_ALT {
        Err((field, "media-error-alt-long"))
    } else {
        Ok(alt.to_owned())
    }
}

/// The variants of a `width` × `height` image: each of [`WIDTHS`] narrower
/// than it, plus the original width when it is below the largest, all with
/// the original's aspect ratio (never upscaled).
pub fn variants(width: u32, height: u32) -> Vec<(u32, u32)> {
    let scaled = |w: u32| {
        let h = (u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width.max(1));
        (w, (h as u32).max(1))
    };
    let mut out: Vec<(u32, u32)> = WIDTHS
        .iter()
        .copied()
        .filter(|&w| w < width)
        .map(scaled)
        .collect();
    let largest = WIDTHS[WIDTHS.len() - 1];
    if width <= largest {
        out.push((width, height));
    }
    out
}

/// An image's id: the hex SHA-256 of its bytes, cut to 32 characters (128
/// bits: no two different uploads share one).
pub fn image_id(digest: &[u8]) -> String {
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// The file name of one variant, as served at `/media/{name}`.
pub fn variant_name(image_id: &str, width: u32, ext: &str) -> String {
    format!("{image_id}-{width}.{ext}")
}

/// Whether `name` can be a variant's name (served from disk: nothing else
/// may reach the file system).
pub fn valid_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((id, width)) = stem.split_once('-') else {
        return false;
    };
    matches!(ext, "jpg" | "png")
        && id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && !width.is_empty()
        && width.len() <= 5
        && width.bytes().all(|b| b.is_ascii_digit())
}

/// The content type of a variant's extension.
pub fn content_type(ext: &str) -> &'static str {
    if ext == "png" {
        "image/png"
    } else {
        "image/jpeg"
    }
}

/// A stored image, as pages show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageRef {
    pub id: String,
    pub width: u32,
    pub height: u32,
    pub ext: String,
}

impl ImageRef {
    /// The `srcset` attribute: every variant with its width.
    pub fn srcset(&self) -> String {
        variants(self.width, self.height)
            .iter()
            .map(|&(w, _)| format!("/media/{} {w}w", variant_name(&self.id, w, &self.ext)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The largest variant: the `src` for browsers without `srcset`, and the
    /// `width`/`height` that reserve the space before it loads.
    pub fn largest(&self) -> (String, u32, u32) {
        let (w, h) = variants(self.width, self.height)
            .last()
            .copied()
            .unwrap_or((self.width, self.height));
        (
            format!("/media/{}", variant_name(&self.id, w, &self.ext)),
            w,
            h,
        )
    }

    /// The smallest variant (a thumbnail).
    pub fn smallest(&self) -> (String, u32, u32) {
        let (w, h) = variants(self.width, self.height)
            .first()
            .copied()
            .unwrap_or((self.width, self.height));
        (
            format!("/media/{}", variant_name(&self.id, w, &self.ext)),
            w,
            h,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_known_by_their_bytes_not_their_name() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(Format::Png));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(Format::WebP));
        assert_eq!(sniff(b"GIF89a\x01\0"), None);
        assert_eq!(sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), None);
        assert_eq!(sniff(b"hello, I am a .png"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVE"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn files_are_refused_when_missing_too_large_or_of_another_type() {
        assert_eq!(
            check_file("image", b""),
            Err(("image", "media-error-missing"))
        );
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(
            check_file("image", &big),
            Err(("image", "media-error-too-large"))
        );
        big.truncate(MAX_BYTES);
        assert_eq!(check_file("image", &big), Ok(Format::Png));
        assert_eq!(
            check_file("photo", b"GIF89a...."),
            Err(("photo", "media-error-type"))
        );
    }

    #[test]
    fn dimensions_have_a_floor_and_a_ceiling() {
        assert_eq!(check_dimensions("image", 200, 200), Ok(()));
        assert_eq!(check_dimensions("image", 6000, 6000), Ok(()));
        assert_eq!(
            check_dimensions("image", 199, 800),
            Err(("image", "media-error-too-small"))
        );
        assert_eq!(
            check_dimensions("image", 800, 150),
            Err(("image", "media-error-too-small"))
        );
        assert_eq!(
            check_dimensions("image", 6001, 800),
            Err(("image", "media-error-too-big"))
        );
    }

    #[test]
    fn alternative_text_is_required_and_bounded() {
        assert_eq!(parse_alt("image_alt", "  Un pont  "), Ok("Un pont".into()));
        assert_eq!(
            parse_alt("image_alt", "   "),
            Err(("image_alt", "media-error-alt"))
        );
        assert_eq!(
            parse_alt("image_alt", &"é".repeat(MAX_ALT + 1)),
            Err(("image_alt", "media-error-alt-long"))
        );
    }

    #[test]
    fn variants_are_never_upscaled_and_keep_the_aspect_ratio() {
        assert_eq!(variants(2000, 1000), vec![(480, 240), (960, 480)]);
        assert_eq!(variants(600, 400), vec![(480, 320), (600, 400)]);
        assert_eq!(variants(960, 300), vec![(480, 150), (960, 300)]);
        assert_eq!(variants(300, 900), vec![(300, 900)]);
        assert_eq!(variants(480, 480), vec![(480, 480)]);
        // Rounded to the nearest pixel.
        assert_eq!(variants(1000, 333), vec![(480, 160), (960, 320)]);
        for (w, h) in [(201, 6000), (6000, 201), (1234, 987)] {
            for (vw, vh) in variants(w, h) {
                assert!(vw <= w && vh <= h);
                let ratio = f64::from(w) / f64::from(h);
                assert!((f64::from(vw) / f64::from(vh) - ratio).abs() / ratio < 0.02);
            }
        }
    }

    #[test]
    fn names_are_content_addressed_and_nothing_else_is_served() {
        let id = image_id(&[0xAB; 32]);
        assert_eq!(id.len(), 32);
        let name = variant_name(&id, 480, "jpg");
        assert!(valid_name(&name));
        assert!(valid_name(&variant_name(&id, 960, "png")));
        assert!(!valid_name("../../etc/passwd"));
        assert!(!valid_name(&format!("{id}-480.svg")));
        assert!(!valid_name(&format!("{}-480.jpg", id.to_uppercase())));
        assert!(!valid_name(&format!("{id}-../x.jpg")));
        assert!(!valid_name(&format!("{id}.jpg")));
        assert_eq!(content_type("png"), "image/png");
        assert_eq!(content_type("jpg"), "image/jpeg");
    }

    #[test]
    fn pages_get_every_variant_in_the_srcset() {
        let image = ImageRef {
            id: "0123456789abcdef0123456789abcdef".into(),
            width: 1600,
            height: 800,
            ext: "jpg".into(),
        };
        assert_eq!(
            image.srcset(),
            "/media/0123456789abcdef0123456789abcdef-480.jpg 480w, \
             /media/0123456789abcdef0123456789abcdef-960.jpg 960w"
        );
        assert_eq!(
            image.largest(),
            (
                "/media/0123456789abcdef0123456789abcdef-960.jpg".into(),
                960,
                480
            )
        );
        assert_eq!(image.smallest().1, 480);
    }
}
