//! Markdown written by staff, rendered to HTML that is safe to embed.

use pulldown_cmark::{html, Options, Parser};

pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    );
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_markdown() {
        let html = render("**Mulhouse** solidaire\n\n- un\n- deux");
        assert!(html.contains("<strong>Mulhouse</strong>"));
        assert!(html.contains("<li>deux</li>"));
    }

    #[test]
    fn strips_scripts_and_event_handlers() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[a](javascript:alert(3))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("href=\"javascript:"), "{html}");
        assert!(html.contains(">a</a>"), "the link text stays: {html}");
    }
}
