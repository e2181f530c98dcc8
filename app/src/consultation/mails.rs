//! The mails an author gets about their proposal once it is moderated, in the
//! consultation's language. Pure: the moderation enqueues what these return.

use crate::mail::message::greeting_name;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::ssr::Tr;

/// What the mails say about the proposal, whatever the decision.
#[derive(Debug, Clone)]
pub struct ProposalNews<'a> {
    pub proposal_id: i64,
    pub author_name: &'a str,
    pub question: &'a str,
    /// The proposal as published or refused ("Il faut ...").
    pub content: &'a str,
}

fn letter(tr: Tr, news: &ProposalNews, paragraphs: Vec<String>) -> String {
    let mut all = vec![tr.t_args(
        "mail-greeting",
        &[("name", greeting_name(news.author_name))],
    )];
    all.extend(paragraphs);
    all.push(tr.t("mail-signature"));
    all.push(format!("-- \n{}", tr.t("mail-why-proposal")));
    all.join("\n\n") + "\n"
}

/// "Your idea is published", with the link to vote on it and share it.
pub fn accepted(tr: Tr, to: EmailAddress, news: &ProposalNews, link: &str) -> OutgoingMail {
    let text = letter(
        tr,
        news,
        vec![
            tr.t_args(
                "mail-accepted-intro",
                &[("question", news.question.to_owned())],
            ),
            format!("    {}", news.content),
            tr.t("mail-accepted-link"),
            link.to_owned(),
        ],
    );
    OutgoingMail::new(to, &tr.t("mail-accepted-subject"), &text)
        .once(&format!("proposal-{}-accepted", news.proposal_id))
}

/// "Your idea was not published": the translated reason, the moderator's
/// message when there is one, and the moderation charter.
pub fn refused(
    tr: Tr,
    to: EmailAddress,
    news: &ProposalNews,
    reason: &str,
    message: &str,
    charter_link: &str,
) -> OutgoingMail {
    let mut paragraphs = vec![
        tr.t_args(
            "mail-refused-intro",
            &[("question", news.question.to_owned())],
        ),
        format!("    {}", news.content),
        tr.t_args(
            "mail-refused-reason",
            &[("reason", tr.t(&format!("refusal-{reason}")))],
        ),
    ];
    if !message.trim().is_empty() {
        paragraphs.push(format!(
            "{}\n{}",
            tr.t("mail-refused-message"),
            message.trim()
        ));
    }
    paragraphs.push(tr.t_args("mail-refused-charter", &[("link", charter_link.to_owned())]));
    let text = letter(tr, news, paragraphs);
    OutgoingMail::new(to, &tr.t("mail-refused-subject"), &text)
        .once(&format!("proposal-{}-refused", news.proposal_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn news() -> ProposalNews<'static> {
        ProposalNews {
            proposal_id: 12,
            author_name: "Amina",
            question: "Comment mieux vivre ensemble ?",
            content: "Il faut des fontaines dans les parcs",
        }
    }

    fn to() -> EmailAddress {
        EmailAddress::parse("amina@example.org").unwrap()
    }

    #[test]
    fn acceptance_links_to_the_proposal() {
        let link = "https://participe.example/consultations/c/proposals/12";
        let mail = accepted(Tr(Lang::Fr), to(), &news(), link);
        assert_eq!(mail.subject, "Votre idée est publiée");
        assert!(mail.text.starts_with("Bonjour Amina,"), "{}", mail.text);
        assert!(mail.text.contains("« Comment mieux vivre ensemble ? »"));
        assert!(mail.text.contains("Il faut des fontaines dans les parcs"));
        assert!(mail.text.contains(link));
        assert_eq!(mail.dedupe_key.as_deref(), Some("proposal-12-accepted"));
    }

    #[test]
    fn refusal_gives_the_translated_reason_and_the_message() {
        let mail = refused(
            Tr(Lang::En),
            to(),
            &news(),
            "partisan",
            "  Please suggest a concrete action.  ",
            "https://participe.example/moderation-charter",
        );
        assert_eq!(mail.subject, "Your idea was not published");
        assert!(mail.text.contains("Reason: Partisan"), "{}", mail.text);
        assert!(
            mail.text
                .contains("Message from the moderators:\nPlease suggest a concrete action.\n"),
            "{}",
            mail.text
        );
        assert!(mail
            .text
            .contains("https://participe.example/moderation-charter"));
        assert_eq!(mail.dedupe_key.as_deref(), Some("proposal-12-refused"));
    }

    #[test]
    fn refusal_without_a_message_says_nothing_of_one() {
        let mail = refused(Tr(Lang::Fr), to(), &news(), "duplicate", " ", "/charter");
        assert!(mail.text.contains("Motif : Existe déjà"), "{}", mail.text);
        assert!(!mail.text.contains("Message de la modération"));
    }
}
