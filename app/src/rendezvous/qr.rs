//! The QR code on the projector that people in the room scan to join the
//! live page: inline SVG rendered on the server, so it shows without
//! JavaScript and costs no request.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code for `url`, labelled `label` for screen readers.
/// Black modules on a white square with its quiet zone: scanners expect dark
/// on light, and on the projector's black page the white square stands out
/// (21:1). `None` if the address is too long for a QR code.
pub fn join_svg(url: &str, label: &str) -> Option<String> {
    // Level M survives a projector's glare and moiré yet keeps modules large.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // Inline in HTML: no XML declaration; sized by CSS through the viewBox.
    let start = svg.find("<svg")?;
    let rest = &svg[start + "<svg".len()..];
    Some(format!(
        r#"<svg class="join-qr" role="img" aria-label="{}" focusable="false"{rest}"#,
        escape_attr(label)
    ))
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the SVG's path (`M{x} {y}h{w}v{h}H{x}V{y}` per dark run) into a
    /// greyscale image, `scale` pixels per module.
    fn rasterize(svg: &str, scale: usize) -> (usize, Vec<bool>) {
        let view = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
        let size: usize = view.split(' ').next().unwrap().parse().unwrap();
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; size * size];
        for rect in path.split('M').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
            for row in y..y + h {
                for col in x..x + w {
                    dark[row * size + col] = true;
                }
            }
        }
        let px = size * scale;
        let image = (0..px * px)
            .map(|i| dark[(i / px / scale) * size + (i % px) / scale])
            .collect();
        (px, image)
    }

    #[test]
    fn the_join_code_decodes_to_the_full_address() {
        let url = "https://participe.example.org/rendezvous/rendez-vous-citoyen?mode=room";
        let svg = join_svg(url, &format!("QR code: {url}")).unwrap();
        assert!(svg.starts_with(r#"<svg class="join-qr" role="img" aria-label="QR code: https://"#));
        assert!(svg.contains(r##"fill="#fff""##) && svg.contains(r##"fill="#000""##));
        assert!(!svg.contains("<?xml"));
        let (px, image) = rasterize(&svg, 4);
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
            if image[y * px + x] {
                0
            } else {
                255
            }
        });
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, url);
    }

    #[test]
    fn the_label_cannot_break_out_of_its_attribute() {
        let svg = join_svg("https://x.test/", r#"a "b" <c> & d"#).unwrap();
        assert!(svg.contains(r#"aria-label="a &quot;b&quot; &lt;c&gt; &amp; d""#));
    }
}
