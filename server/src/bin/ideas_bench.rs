//! `participe-ideas-bench`: what "Toutes les idées" costs. The demo is loaded
//! into a fresh SQLite file, then the demo consultation grows to 600 and to
//! 10,000 published ideas (generated French sentences, indexed as the app
//! indexes them, with random vote counts so every zone appears). It prints
//! the list page's bytes as served with brotli (first page, and the sum of
//! every page), and the search time: the term-index query alone, and the
//! whole list page answering a search over HTTP, p50 / p99.
//! A command that prints figures, not a test.

use app::consultation::logic::ideas::SearchTerms;
use app::consultation::logic::Lang;
use app::consultation::store::ideas::{reindex_proposal, search};
use rand::{Rng, SeedableRng};
use server::config::Config;
use std::time::{Duration, Instant};

const VERBS: &[&str] = &[
    "créer",
    "rénover",
    "ouvrir",
    "développer",
    "soutenir",
    "aider",
    "financer",
    "protéger",
    "améliorer",
    "installer",
    "former",
    "accompagner",
];
const OBJECTS: &[&str] = &[
    "des logements sociaux",
    "une maison de santé",
    "des pistes cyclables",
    "les écoles",
    "des jardins partagés",
    "une épicerie solidaire",
    "des bancs publics",
    "les transports",
    "un centre social",
    "des crèches",
    "les médecins généralistes",
    "des aires de jeux",
    "les associations",
    "un accueil de nuit",
    "les bibliothèques",
    "des ateliers numériques",
];
const PLACES: &[&str] = &[
    "dans chaque quartier",
    "près de la gare",
    "pour les seniors",
    "pour les familles",
    "pour les jeunes",
    "le soir et le week-end",
    "à Bourtzwiller",
    "au centre-ville",
    "avec les habitants",
    "pour les personnes isolées",
    "à Dornach",
    "sans rendez-vous",
];
const QUERIES: &[&str] = &[
    "logements",
    "ecole",
    "santé",
    "jardins partagés",
    "pistes cyclables",
    "seniors",
    "crèche",
    "logement social quartier",
    "transports soir",
    "bibliothèques",
    "jard",
    "épicerie solidaire",
    "médecins",
    "numérique atelier",
    "piscine",
];

fn sentence(rng: &mut impl Rng) -> String {
    format!(
        "{} {} {}",
        VERBS[rng.gen_range(0..VERBS.len())],
        OBJECTS[rng.gen_range(0..OBJECTS.len())],
        PLACES[rng.gen_range(0..PLACES.len())]
    )
}

async fn grow(
    db: &app::ssr::Db,
    consultation: i64,
    to: usize,
    rng: &mut impl Rng,
) -> Result<(), sqlx::Error> {
    let have: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM proposals WHERE consultation_id = $1 AND status = 'accepted'",
    )
    .bind(consultation)
    .fetch_one(&db.pool)
    .await?;
    let author: i64 = sqlx::query_scalar("SELECT participant_id FROM proposals LIMIT 1")
        .fetch_one(&db.pool)
        .await?;
    let mut tx = db.pool.begin().await?;
    for i in have as usize..to {
        let content = format!("Il faut {}", sentence(rng));
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO proposals (consultation_id, participant_id, content, author_name, status, created_at, published_at) \
             VALUES ($1, $2, $3, 'bench', 'accepted', $4, $4) RETURNING id",
        )
        .bind(consultation)
        .bind(author)
        .bind(&content)
        .bind(i as i64)
        .fetch_one(&mut *tx)
        .await?;
        reindex_proposal(&mut tx, id).await?;
        let agree = rng.gen_range(0..60);
        for (item, count) in [
            ("agree", agree),
            ("disagree", rng.gen_range(0..60)),
            ("neutral", rng.gen_range(0..20)),
        ] {
            sqlx::query("INSERT INTO vote_counts (proposal_id, tally, item, count) VALUES ($1, 'sequence', $2, $3)")
                .bind(id)
                .bind(item)
                .bind(count as i64)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn brotli_bytes(
    client: &reqwest::Client,
    url: &str,
) -> Result<(usize, String), reqwest::Error> {
    let response = client
        .get(url)
        .header("Accept-Encoding", "br")
        .header("Accept", "text/html")
        .send()
        .await?
        .error_for_status()?;
    let encoding = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    Ok((response.bytes().await?.len(), encoding))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut config = Config::from_env()?;
    config.database_url = format!("sqlite://{}/ideas-bench.db", dir.path().display());
    let db = server::open_db(&config).await?;
    app::demo::load(&db, config.settings().today(), false).await?;
    let slug = app::demo::SLUG;
    let consultation: i64 = sqlx::query_scalar("SELECT id FROM consultations WHERE slug = $1")
        .bind(slug)
        .fetch_one(&db.pool)
        .await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let router = server::router(&config, db.clone(), app::mail::MailWaker::default());
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    let client = reqwest::Client::builder().build()?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(13);
    for size in [600usize, 10_000] {
        grow(&db, consultation, size, &mut rng).await?;
        println!("\n{size} published ideas");
        let list = format!("{base}/consultations/{slug}/ideas");
        let (first, encoding) = brotli_bytes(&client, &list).await?;
        println!("  list page 1 ({encoding}): {first} bytes");
        if size <= 600 {
            let pages = size.div_ceil(app::consultation::logic::ideas::PER_PAGE);
            let mut all = first;
            for page in 2..=pages {
                all += brotli_bytes(&client, &format!("{list}?page={page}"))
                    .await?
                    .0;
            }
            println!("  all {pages} pages together: {all} bytes");
        }
        // The index query alone, as the list runs it.
        let mut index_times = Vec::new();
        for _ in 0..40 {
            for q in QUERIES {
                let terms = SearchTerms::parse(q, Lang::Fr);
                let t = Instant::now();
                let found = search(&db, consultation, &terms).await?;
                index_times.push(t.elapsed());
                std::hint::black_box(found);
            }
        }
        index_times.sort();
        println!(
            "  search, term index ({} queries): p50 {} · p99 {}",
            index_times.len(),
            ms(percentile(&index_times, 0.5)),
            ms(percentile(&index_times, 0.99))
        );
        // The whole page answering a search: scores of every idea, filter, sort, render.
        let mut page_times = Vec::new();
        for _ in 0..4 {
            for q in QUERIES {
                let url = format!("{list}?q={}", q.replace(' ', "+"));
                let t = Instant::now();
                brotli_bytes(&client, &url).await?;
                page_times.push(t.elapsed());
            }
        }
        page_times.sort();
        println!(
            "  search, whole page over HTTP ({} requests): p50 {} · p99 {}",
            page_times.len(),
            ms(percentile(&page_times, 0.5)),
            ms(percentile(&page_times, 0.99))
        );
    }
    Ok(())
}
