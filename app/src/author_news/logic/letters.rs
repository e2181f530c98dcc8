//! The two author mails, in the consultation's language: results published
//! (one per address, listing every idea of that author) and an action avenue
//! citing an idea. Each ends with the unsubscribe link and carries the
//! one-click headers (RFC 2369, RFC 8058). Pure: services enqueue them.

use super::token::{list_unsubscribe, ONE_CLICK};
use crate::mail::message::greeting_name;
use crate::mail::{EmailAddress, MailError, OutgoingMail};
use crate::ssr::Tr;

/// How the recipient leaves the list: the page's absolute URL, and the
/// `List-Unsubscribe` value (that URL, then the mailto if configured).
#[derive(Debug, Clone)]
pub struct Unsubscribe {
    pub url: String,
    pub header: String,
}

impl Unsubscribe {
    pub fn new(url: String, mailto: Option<&str>, token: &str) -> Unsubscribe {
        Unsubscribe {
            header: list_unsubscribe(&url, mailto, token),
            url,
        }
    }
}

/// An idea as the mails show it: its text and its page's absolute URL.
#[derive(Debug, Clone)]
pub struct Idea {
    pub id: i64,
    pub content: String,
    pub link: String,
}

fn letter(tr: Tr, name: &str, paragraphs: Vec<String>, unsubscribe: &Unsubscribe) -> String {
    let mut all = vec![tr.t_args("mail-greeting", &[("name", greeting_name(name))])];
    all.extend(paragraphs);
    all.push(tr.t("mail-signature"));
    all.push(format!(
        "-- \n{}",
        tr.t_args("author-news-footer", &[("link", unsubscribe.url.clone())])
    ));
    all.join("\n\n") + "\n"
}

fn with_list_headers(
    mail: OutgoingMail,
    unsubscribe: &Unsubscribe,
) -> Result<OutgoingMail, MailError> {
    mail.header("List-Unsubscribe", &unsubscribe.header)?
        .header("List-Unsubscribe-Post", ONE_CLICK)
}

/// What the results mail tells one author.
#[derive(Debug, Clone)]
pub struct ResultsNews<'a> {
    pub consultation_id: i64,
    pub question: &'a str,
    pub author_name: &'a str,
    /// Every idea of this address in the consultation, oldest first.
    pub ideas: &'a [Idea],
    pub results_link: &'a str,
}

/// "The results are published": the author's ideas with their links, then
/// the results. Sent once per consultation and address.
pub fn results_published(
    tr: Tr,
    to: EmailAddress,
    news: &ResultsNews,
    unsubscribe: &Unsubscribe,
) -> Result<OutgoingMail, MailError> {
    let ideas: Vec<String> = news
        .ideas
        .iter()
        .map(|i| format!("    {}\n    {}", i.content, i.link))
        .collect();
    let text = letter(
        tr,
        news.author_name,
        vec![
            tr.t_args(
                "author-news-results-intro",
                &[("question", news.question.to_owned())],
            ),
            format!(
                "{}\n\n{}",
                tr.t("author-news-results-ideas"),
                ideas.join("\n\n")
            ),
            format!(
                "{}\n{}",
                tr.t("author-news-results-link"),
                news.results_link
            ),
        ],
        unsubscribe,
    );
    let key = format!(
        "results-{}-to-{}",
        news.consultation_id,
        to.as_str().to_lowercase()
    );
    let mail = OutgoingMail::new(to, &tr.t("author-news-results-subject"), &text).once(&key);
    with_list_headers(mail, unsubscribe)
}

/// What the citation mail tells the author of the cited idea.
#[derive(Debug, Clone)]
pub struct CitationNews<'a> {
    pub avenue_id: i64,
    pub avenue_title: &'a str,
    pub avenue_link: &'a str,
    pub author_name: &'a str,
    pub idea: &'a Idea,
}

/// "An action avenue cites your idea": once per avenue and idea, however
/// often the avenue is edited afterwards.
pub fn avenue_cites(
    tr: Tr,
    to: EmailAddress,
    news: &CitationNews,
    unsubscribe: &Unsubscribe,
) -> Result<OutgoingMail, MailError> {
    let text = letter(
        tr,
        news.author_name,
        vec![
            tr.t_args(
                "author-news-cited-intro",
                &[("avenue", news.avenue_title.to_owned())],
            ),
            format!("{}\n{}", tr.t("author-news-cited-avenue"), news.avenue_link),
            format!(
                "{}\n    {}\n    {}",
                tr.t("author-news-cited-idea"),
                news.idea.content,
                news.idea.link
            ),
        ],
        unsubscribe,
    );
    let key = format!("avenue-{}-cites-{}", news.avenue_id, news.idea.id);
    let mail = OutgoingMail::new(to, &tr.t("author-news-cited-subject"), &text).once(&key);
    with_list_headers(mail, unsubscribe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn to() -> EmailAddress {
        EmailAddress::parse("Amina@example.org").unwrap()
    }

    fn unsubscribe() -> Unsubscribe {
        Unsubscribe::new(
            "https://participe.example/unsubscribe/t0k".into(),
            None,
            "t0k",
        )
    }

    fn idea(id: i64, content: &str) -> Idea {
        Idea {
            id,
            content: content.into(),
            link: format!("https://participe.example/consultations/c/proposals/{id}"),
        }
    }

    #[test]
    fn the_results_mail_lists_every_idea_and_the_results() {
        let ideas = [
            idea(3, "Il faut des fontaines"),
            idea(7, "Il faut des bancs"),
        ];
        let news = ResultsNews {
            consultation_id: 1,
            question: "Comment mieux vivre ensemble ?",
            author_name: "Amina 2024",
            ideas: &ideas,
            results_link: "https://participe.example/consultations/c/results",
        };
        let mail = results_published(Tr(Lang::Fr), to(), &news, &unsubscribe()).unwrap();
        assert!(mail.text.starts_with("Bonjour Amina,"), "{}", mail.text);
        for i in &ideas {
            assert!(mail.text.contains(&i.content), "{}", mail.text);
            assert!(mail.text.contains(&i.link), "{}", mail.text);
        }
        assert!(mail.text.contains(news.results_link));
        assert!(mail
            .text
            .contains("https://participe.example/unsubscribe/t0k"));
        assert_eq!(
            mail.dedupe_key.as_deref(),
            Some("results-1-to-amina@example.org")
        );
        assert_eq!(
            mail.headers,
            [
                (
                    "List-Unsubscribe".to_owned(),
                    "<https://participe.example/unsubscribe/t0k>".to_owned()
                ),
                (
                    "List-Unsubscribe-Post".to_owned(),
                    "List-Unsubscribe=One-Click".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn the_citation_mail_names_the_avenue_and_links_both() {
        let cited = idea(7, "We should plant trees");
        let news = CitationNews {
            avenue_id: 4,
            avenue_title: "A tree for every school",
            avenue_link: "https://participe.example/events/e/action-avenues#avenue-4",
            author_name: "Bruno",
            idea: &cited,
        };
        let mail = avenue_cites(Tr(Lang::En), to(), &news, &unsubscribe()).unwrap();
        assert!(
            mail.text.contains("A tree for every school"),
            "{}",
            mail.text
        );
        assert!(mail.text.contains(news.avenue_link));
        assert!(mail.text.contains(&cited.link));
        assert_eq!(mail.dedupe_key.as_deref(), Some("avenue-4-cites-7"));
        assert_eq!(mail.headers.len(), 2);
    }
}
