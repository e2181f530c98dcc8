//! The survey aggregate: its settings (address, dates, access, anonymity,
//! publication). A new survey gets its first, untitled section at once.

use crate::ssr::db::{now, Db};
use crate::ssr::db_types::{date_text, DbDate, Flag};
use chrono::NaiveDate;
use sqlx::FromRow;

pub use crate::survey::logic::settings::{Access, SurveyInput};

#[derive(Debug, Clone)]
pub struct Survey {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub access: Access,
    pub anonymous: bool,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub results_published: bool,
}

impl Survey {
    pub fn is_open(&self, today: NaiveDate) -> bool {
        self.opens_on <= today && today <= self.closes_on
    }
}

#[derive(FromRow)]
struct SurveyRow {
    id: i64,
    component_id: i64,
    slug: String,
    title: String,
    intro: String,
    #[sqlx(try_from = "String")]
    access: Access,
    #[sqlx(try_from = "i64")]
    anonymous: Flag,
    #[sqlx(try_from = "String")]
    opens_on: DbDate,
    #[sqlx(try_from = "String")]
    closes_on: DbDate,
    #[sqlx(try_from = "i64")]
    results_published: Flag,
}

impl From<SurveyRow> for Survey {
    fn from(r: SurveyRow) -> Survey {
        Survey {
            id: r.id,
            component_id: r.component_id,
            slug: r.slug,
            title: r.title,
            intro: r.intro,
            access: r.access,
            anonymous: *r.anonymous,
            opens_on: *r.opens_on,
            closes_on: *r.closes_on,
            results_published: *r.results_published,
        }
    }
}

const SURVEY_COLUMNS: &str =
    "id, component_id, slug, title, intro, access, anonymous, opens_on, closes_on, \
     results_published";

pub async fn survey_by_slug(db: &Db, slug: &str) -> Result<Option<Survey>, sqlx::Error> {
    let row: Option<SurveyRow> = sqlx::query_as(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Survey::from))
}

pub async fn survey_by_component(db: &Db, component: i64) -> Result<Option<Survey>, sqlx::Error> {
    let row: Option<SurveyRow> = sqlx::query_as(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE component_id = $1"
    ))
    .bind(component)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Survey::from))
}

/// Creates the survey of a survey component (with a first section) or updates
/// it; `None` when the component is not a survey.
pub async fn save_survey(
    db: &Db,
    component_id: i64,
    s: &SurveyInput,
) -> Result<Option<i64>, sqlx::Error> {
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM components WHERE id = $1")
        .bind(component_id)
        .fetch_optional(&db.pool)
        .await?;
    if kind.as_deref() != Some("survey") {
        return Ok(None);
    }
    let mut tx = db.pool.begin().await?;
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM surveys WHERE component_id = $1")
            .bind(component_id)
            .fetch_optional(&mut *tx)
            .await?;
    let id = match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE surveys SET slug = $1, title = $2, intro = $3, access = $4, anonymous = $5, \
                 opens_on = $6, closes_on = $7 WHERE id = $8",
            )
            .bind(&s.slug)
            .bind(&s.title)
            .bind(&s.intro)
            .bind(s.access.as_str())
            .bind(s.anonymous as i64)
            .bind(date_text(s.opens_on))
            .bind(date_text(s.closes_on))
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO surveys (component_id, slug, title, intro, access, anonymous, opens_on, closes_on, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(component_id)
            .bind(&s.slug)
            .bind(&s.title)
            .bind(&s.intro)
            .bind(s.access.as_str())
            .bind(s.anonymous as i64)
            .bind(date_text(s.opens_on))
            .bind(date_text(s.closes_on))
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO survey_sections (survey_id, position, title) VALUES ($1, 1, '')",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn set_results_published(
    db: &Db,
    survey: i64,
    published: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE surveys SET results_published = $1 WHERE id = $2")
        .bind(published as i64)
        .bind(survey)
        .execute(&db.pool)
        .await?;
    Ok(())
}
