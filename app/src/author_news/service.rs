//! Commands of the author mails. Each mail is enqueued in the transaction of
//! the change it tells about (`mail::enqueue_in`), so a rollback or a crash
//! loses or duplicates nothing; dedupe keys make each mail go once.

use super::forms::PublishResultsForm;
use super::logic::by_address;
use super::logic::letters::{self, CitationNews, Idea, ResultsNews, Unsubscribe};
use super::logic::token::{self, AUTHOR_NEWS};
use super::store::{self, ConsultationRow};
use crate::error::AppError;
use crate::lang::Lang;
use crate::mail::{enqueue_in, EmailAddress, MailError, OutgoingMail};
use crate::model::Role;
use crate::ssr::form::Next;
use crate::ssr::settings::Settings;
use crate::ssr::{Ctx, Db, Tr};
use sqlx::AnyConnection;

/// The key of the unsubscribe tokens: `PARTICIPE_SECRET` when set, else the
/// key kept in the database (as the site's links to proposals do; the signed
/// text is domain-separated, so one key serves both).
pub async fn key(db: &Db, settings: &Settings) -> Result<Vec<u8>, sqlx::Error> {
    match &settings.secret {
        Some(secret) => Ok(secret.as_bytes().to_vec()),
        None => crate::consultation::store::secrets::signing_key(db).await,
    }
}

/// What every author mail needs: absolute links and the unsubscribe token.
/// Read before the change's transaction starts (the key may need the pool).
pub struct Mailer {
    base: String,
    key: Vec<u8>,
    mailto: Option<String>,
}

impl Mailer {
    pub async fn of(db: &Db, settings: &Settings) -> Result<Mailer, sqlx::Error> {
        Ok(Mailer {
            base: settings.base_url.trim_end_matches('/').to_owned(),
            key: key(db, settings).await?,
            mailto: settings.unsubscribe_mailto.clone(),
        })
    }

    fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn unsubscribe(&self, address: &str) -> Unsubscribe {
        let token = token::sign(&self.key, AUTHOR_NEWS, address);
        Unsubscribe::new(
            self.link(&token::unsubscribe_path(&token)),
            self.mailto.as_deref(),
            &token,
        )
    }

    /// The address, if it can be mailed and has not left the list.
    async fn recipient(
        &self,
        conn: &mut AnyConnection,
        address: &str,
    ) -> Result<Option<EmailAddress>, sqlx::Error> {
        let Ok(to) = EmailAddress::parse(address) else {
            tracing::warn!("an author address cannot be mailed");
            return Ok(None);
        };
        if store::has_left(conn, AUTHOR_NEWS, &token::normalise(address)).await? {
            return Ok(None);
        }
        Ok(Some(to))
    }
}

// Public paths, as the consultation's pages serve them.
fn proposal_path(slug: &str, id: i64) -> String {
    format!("/consultations/{slug}/proposals/{id}")
}

fn results_path(slug: &str) -> String {
    format!("/consultations/{slug}/results")
}

fn built(mail: Result<OutgoingMail, MailError>) -> Result<OutgoingMail, sqlx::Error> {
    // Only our own, checked values go in: a failure here is a bug.
    mail.map_err(|e| sqlx::Error::Protocol(format!("author mail: {e}")))
}

/// Marks the consultation's results published and enqueues, in the same
/// transaction, one mail per author address (listing all of its published
/// ideas). `None` when the results were already published.
pub async fn publish_results_in(
    conn: &mut AnyConnection,
    mailer: &Mailer,
    c: &ConsultationRow,
) -> Result<Option<usize>, sqlx::Error> {
    if !store::mark_results_published(conn, c.id).await? {
        return Ok(None);
    }
    let tr = Tr(Lang::from_code(&c.lang).unwrap_or_default());
    let results_link = mailer.link(&results_path(&c.slug));
    let ideas = store::ideas_with_address(conn, c.id).await?;
    let mut sent = 0;
    for (address, ideas) in by_address(ideas, |i| &i.author_email) {
        let Some(to) = mailer.recipient(conn, &address).await? else {
            continue;
        };
        let shown: Vec<Idea> = ideas
            .iter()
            .map(|i| Idea {
                id: i.id,
                content: i.content.clone(),
                link: mailer.link(&proposal_path(&c.slug, i.id)),
            })
            .collect();
        let news = ResultsNews {
            consultation_id: c.id,
            question: &c.question,
            author_name: &ideas[0].author_name,
            ideas: &shown,
            results_link: &results_link,
        };
        let mail = built(letters::results_published(
            tr,
            to,
            &news,
            &mailer.unsubscribe(&address),
        ))?;
        if enqueue_in(conn, &mail).await?.is_some() {
            sent += 1;
        }
    }
    Ok(Some(sent))
}

/// The staff action "publish the results": once the consultation has
/// closed, records the publication and mails the authors who left an address.
pub async fn publish_results(ctx: &Ctx, form: &PublishResultsForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let c = store::consultation_of_component(&ctx.db, component)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    if c.closes_on() >= ctx.settings.today() {
        return Err(ctx.invalid("component_id", "author-news-error-open"));
    }
    let already = || ctx.respond_err(AppError::Conflict(ctx.t("author-news-error-already")));
    if c.results_published_at.is_some() {
        return Err(already());
    }
    let mailer = Mailer::of(&ctx.db, &ctx.settings).await?;
    let mut tx = ctx.db.pool.begin().await?;
    let Some(sent) = publish_results_in(&mut tx, &mailer, &c).await? else {
        return Err(already());
    };
    tx.commit().await?;
    ctx.mail.wake();
    Ok((
        (),
        Next::to(format!("/admin/consultations/{component}"))
            .with_notice_args("author-news-published", vec![("count", sent.to_string())]),
    ))
}

/// Inside the transaction that saved or published action avenue
/// `avenue_id`: when the avenue is published, enqueues a mail to the author
/// of each published idea it cites (who left an address). Each (avenue, idea)
/// is mailed once, however often the avenue is edited or published again.
/// `public_path` gives the avenues page of the avenue's event slug.
pub async fn avenue_cited(
    conn: &mut AnyConnection,
    mailer: &Mailer,
    avenue_id: i64,
    public_path: fn(&str) -> String,
) -> Result<usize, sqlx::Error> {
    let Some(avenue) = store::published_avenue(conn, avenue_id).await? else {
        return Ok(0);
    };
    let avenue_link = mailer.link(&public_path(&avenue.event_slug));
    let cited = store::citations(conn, avenue_id).await?;
    let mut sent = 0;
    for i in store::cited_ideas(conn, &cited).await? {
        let Some(to) = mailer.recipient(conn, &i.author_email).await? else {
            continue;
        };
        let tr = Tr(Lang::from_code(&i.lang).unwrap_or_default());
        let idea = Idea {
            id: i.id,
            content: i.content.clone(),
            link: mailer.link(&proposal_path(&i.consultation_slug, i.id)),
        };
        let news = CitationNews {
            avenue_id,
            avenue_title: &avenue.title,
            avenue_link: &avenue_link,
            author_name: &i.author_name,
            idea: &idea,
        };
        let unsubscribe = mailer.unsubscribe(&i.author_email);
        let mail = built(letters::avenue_cites(tr, to, &news, &unsubscribe))?;
        if enqueue_in(conn, &mail).await?.is_some() {
            sent += 1;
        }
    }
    Ok(sent)
}

/// The unsubscribe page: whose address the token names, and whether it has
/// already left. A forged token is refused with a translated message.
pub struct UnsubscribeView {
    pub token: String,
    pub address: String,
    pub left: bool,
}

pub async fn unsubscribe_view(ctx: &Ctx, token: &str) -> Result<UnsubscribeView, AppError> {
    let key = key(&ctx.db, &ctx.settings).await?;
    let address = token::verify(&key, AUTHOR_NEWS, token)
        .ok_or_else(|| AppError::NotFound(ctx.t("author-news-error-token")))?;
    Ok(UnsubscribeView {
        token: token.to_owned(),
        left: store::left(&ctx.db, AUTHOR_NEWS, &address).await?,
        address,
    })
}

/// Takes the token's address off the list; `false` for a forged token.
pub async fn unsubscribe(db: &Db, settings: &Settings, token: &str) -> Result<bool, sqlx::Error> {
    let key = key(db, settings).await?;
    match token::verify(&key, AUTHOR_NEWS, token) {
        Some(address) => store::leave(db, AUTHOR_NEWS, &address).await.map(|_| true),
        None => Ok(false),
    }
}

/// Whether a consultation's results can be published, or when they were.
pub struct PublicationState {
    /// The publication date, in the reader's words.
    pub published_on: Option<String>,
    pub closed: bool,
}

pub async fn publication_state(ctx: &Ctx, component_id: i64) -> Result<PublicationState, AppError> {
    ctx.require(Role::Admin)?;
    let c = store::consultation_of_component(&ctx.db, component_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let published_on = c.results_published_at.and_then(|ts| {
        use chrono::TimeZone;
        let t = ctx.settings.timezone.timestamp_opt(ts, 0).single()?;
        Some(ctx.tr.date(t.date_naive()))
    });
    Ok(PublicationState {
        published_on,
        closed: c.closes_on() < ctx.settings.today(),
    })
}
