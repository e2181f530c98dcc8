//! Which video players a meeting may embed: an https address on one of the
//! hosts the server allows (`PARTICIPE_VIDEO_HOSTS`), the same list the
//! Content-Security-Policy's `frame-src` names, so a saved address always plays.

/// The players the demo and most cities use: YouTube without its tracking
/// cookies, and Vimeo. A city's PeerTube is added by configuration.
pub const DEFAULT_VIDEO_HOSTS: [&str; 2] = ["www.youtube-nocookie.com", "player.vimeo.com"];

/// Whether `address` is an https address on one of `hosts`, with no user
/// name, password or unusual port.
pub fn allowed_video(address: &str, hosts: &[String]) -> bool {
    let Ok(url) = url::Url::parse(address) else {
        return false;
    };
    url.scheme() == "https"
        && url.username().is_empty()
        && url.password().is_none()
        && url.port().is_none()
        && url
            .host_str()
            .is_some_and(|host| hosts.iter().any(|h| h.eq_ignore_ascii_case(host)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_players_on_the_allowed_hosts() {
        let hosts: Vec<String> = DEFAULT_VIDEO_HOSTS.iter().map(|h| h.to_string()).collect();
        assert!(allowed_video(
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
            &hosts
        ));
        assert!(allowed_video(
            "https://player.vimeo.com/video/76979871",
            &hosts
        ));
        for refused in [
            "http://www.youtube-nocookie.com/embed/x",
            "https://evil.example/embed/x",
            "https://www.youtube-nocookie.com.evil.example/embed/x",
            "https://user@www.youtube-nocookie.com/embed/x",
            "https://www.youtube-nocookie.com:8443/embed/x",
            "javascript:alert(1)",
            "//www.youtube-nocookie.com/embed/x",
            "",
        ] {
            assert!(!allowed_video(refused, &hosts), "{refused}");
        }
        assert!(!allowed_video("https://player.vimeo.com/video/1", &[]));
    }
}
