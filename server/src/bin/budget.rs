//! `participe-budget`: what a phone downloads, as served. It starts the real
//! server on the built site (`LEPTOS_SITE_ROOT`, default `target/site`) with
//! the demo loaded into a fresh SQLite file, opens pages like a browser with
//! `Accept-Encoding: br`, follows the stylesheet, script and WASM links each
//! page names, and prints the bytes on the wire. For the vote page it checks
//! the budgets of the consultation issue: HTML + CSS of the first vote
//! ≤ 30 KB (voting works before any WASM arrives), everything ≤ 120 KB.
//! A command that prints figures, not a test. Build the site first (`make build`).

use server::config::Config;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const FIRST_VOTE_BUDGET: usize = 30 * 1024;
const TOTAL_BUDGET: usize = 120 * 1024;

/// The addresses of the stylesheets, module scripts and preloaded WASM a page names.
fn assets_of(html: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for tag in html.split("<link").skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let wanted = ["stylesheet", "modulepreload", "preload"]
            .iter()
            .any(|rel| tag.contains(&format!("rel=\"{rel}\"")));
        if let (true, Some(start)) = (wanted, tag.find("href=\"")) {
            let rest = &tag[start + 6..];
            if let Some(end) = rest.find('"') {
                found.insert(rest[..end].to_owned());
            }
        }
    }
    found
}

/// The islands a page holds, by component name (`VoteSequence`).
fn islands_in(html: &str) -> BTreeSet<String> {
    html.split("data-component=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        // The macro appends `_<hash>` to the name.
        .map(|id| id.rsplit_once('_').map_or(id, |(name, _)| name).to_owned())
        .collect()
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The newest file of `pkg` whose name starts with `prefix` and ends with
/// `suffix` (a rebuild leaves the previous hashed names beside the new ones).
fn built_file(pkg: &Path, prefix: &str, suffix: &str) -> Option<String> {
    std::fs::read_dir(pkg)
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name().into_string().ok()?;
            let modified = e.metadata().ok()?.modified().ok()?;
            (name.starts_with(prefix) && name.ends_with(suffix)).then_some((modified, name))
        })
        .max()
        .map(|(_, name)| name)
}

/// With `cargo leptos build --split`, each lazy island's code comes in
/// chunks its loader fetches when the page holds it; the manifest beside
/// the WASM lists them per island. Those are downloads the HTML does not name.
fn island_chunks(pkg: &Path, html: &str) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    let manifest = built_file(pkg, "__wasm_split_manifest.", ".json")
        .and_then(|name| std::fs::read_to_string(pkg.join(name)).ok())
        .and_then(|text| serde_json::from_str::<HashMap<String, Vec<String>>>(&text).ok());
    let Some(manifest) = manifest else {
        return files;
    };
    for island in islands_in(html) {
        let prefix = format!("{}_loader_", snake_case(&island));
        for (split, chunks) in &manifest {
            if split.starts_with(&prefix) {
                files.extend(chunks.iter().map(|c| format!("/pkg/{c}.wasm")));
            }
        }
    }
    if !files.is_empty() {
        if let Some(glue) = built_file(pkg, "__wasm_split.", ".js") {
            files.insert(format!("/pkg/{glue}"));
        }
    }
    files
}

struct Fetched {
    wire: usize,
    encoding: String,
    cache: String,
    body: String,
}

async fn fetch(client: &reqwest::Client, url: &str) -> Result<Fetched, reqwest::Error> {
    let response = client
        .get(url)
        .header("Accept-Encoding", "br, gzip")
        .header("Accept", "text/html,*/*")
        .send()
        .await?
        .error_for_status()?;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-")
            .to_owned()
    };
    let encoding = header("content-encoding");
    let cache = header("cache-control");
    let bytes = response.bytes().await?;
    // Only HTML is read back (for its links); it is decoded here for that.
    let body = if encoding == "br" {
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &bytes[..], &mut out).ok();
        String::from_utf8_lossy(&out).into_owned()
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok(Fetched {
        wire: bytes.len(),
        encoding,
        cache,
        body,
    })
}

/// A built file's name without its content hash, to keep lines short.
fn short(asset: &str) -> String {
    let name = asset.rsplit('/').next().unwrap_or(asset);
    let parts: Vec<&str> = name.split('.').collect();
    match parts.as_slice() {
        [stem, _hash, ext] => format!("{stem}.{ext}"),
        _ => name.to_owned(),
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut config = Config::from_env()?;
    config.database_url = format!("sqlite://{}/budget.db", dir.path().display());
    let db = server::open_db(&config).await?;
    app::demo::load(&db, config.settings().today(), false).await?;
    let site = std::path::Path::new(&config.site_root).join("pkg");
    if !site.exists() {
        return Err(format!(
            "no built site at {}: run `make build` first",
            site.display()
        )
        .into());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let router = server::router(&config, db, app::mail::MailWaker::default());
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    println!(
        "site {}; hashed names: {}",
        site.display(),
        server::assets::hash_file().is_some()
    );

    let slug = app::demo::SLUG;
    let pages = [
        ("home", "/".to_owned()),
        ("vote", format!("/consultations/{slug}/vote")),
        ("propose", format!("/consultations/{slug}/propose")),
        ("results", format!("/consultations/{slug}/results")),
        ("login", "/login".to_owned()),
        (
            "rendez-vous citoyen, live",
            format!("/rendezvous/{}", app::demo::rendezvous::SLUG),
        ),
    ];
    let mut vote_page = None;
    for (name, path) in pages {
        // A new phone each time: nothing cached, a fresh session.
        let client = reqwest::Client::builder().cookie_store(true).build()?;
        let page = fetch(&client, &format!("{base}{path}")).await?;
        println!("\n{name} page {path}");
        println!("  {:<52} {:>9}  {:<4} cache", "resource", "wire", "enc");
        println!(
            "  {:<52} {:>9}  {:<4} {}",
            "HTML",
            kb(page.wire),
            page.encoding,
            page.cache
        );
        let (mut css, mut scripts) = (0, 0);
        let chunks = island_chunks(&site, &page.body);
        let (mut chunk_count, mut chunk_bytes) = (0, 0);
        for asset in assets_of(&page.body).into_iter().chain(chunks) {
            let got = fetch(&client, &format!("{base}{asset}")).await?;
            if asset.ends_with(".css") {
                css += got.wire;
            } else {
                scripts += got.wire;
            }
            if asset.contains("/chunk_") {
                // Dozens of small shared pieces: one line for all of them.
                chunk_count += 1;
                chunk_bytes += got.wire;
                continue;
            }
            println!(
                "  {:<52} {:>9}  {:<4} {}",
                short(&asset),
                kb(got.wire),
                got.encoding,
                got.cache
            );
        }
        if chunk_bytes > 0 {
            println!(
                "  {:<52} {:>9}",
                format!("shared island chunks ({chunk_count} files)"),
                kb(chunk_bytes)
            );
        }
        let first = page.wire + css;
        let total = first + scripts;
        println!(
            "  HTML + CSS: {} · with JS and WASM: {}",
            kb(first),
            kb(total)
        );
        if name == "vote" {
            vote_page = Some((first, total));
        }
    }
    if let Some((first, total)) = vote_page {
        let verdict = |value: usize, budget: usize| if value <= budget { "within" } else { "OVER" };
        println!("\nVote page budget (brotli, as served):");
        println!(
            "  first vote, HTML + CSS: {} of {} ({})",
            kb(first),
            kb(FIRST_VOTE_BUDGET),
            verdict(first, FIRST_VOTE_BUDGET)
        );
        println!(
            "  everything with WASM:   {} of {} ({})",
            kb(total),
            kb(TOTAL_BUDGET),
            verdict(total, TOTAL_BUDGET)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{assets_of, islands_in, snake_case};

    #[test]
    fn names_the_islands_a_page_holds() {
        let html = r#"<leptos-island data-component="VoteSequence_1234" data-props="{}">
            <leptos-island data-component="LiveFigures_99">"#;
        let found: Vec<String> = islands_in(html).into_iter().collect();
        assert_eq!(found, ["LiveFigures", "VoteSequence"]);
        assert_eq!(snake_case("VoteSequence"), "vote_sequence");
        assert_eq!(snake_case("CheckInScanner"), "check_in_scanner");
    }

    #[test]
    fn finds_the_stylesheet_script_and_wasm_a_page_names() {
        let html = r#"<head><link rel="stylesheet" href="/pkg/participe.abc.css"/>
            <link rel="modulepreload" href="/pkg/participe.def.js" crossorigin="">
            <link rel="preload" href="/pkg/participe.ghi.wasm" as="fetch">
            <link rel="icon" href="/favicon.svg"></head>"#;
        let found: Vec<String> = assets_of(html).into_iter().collect();
        assert_eq!(
            found,
            [
                "/pkg/participe.abc.css",
                "/pkg/participe.def.js",
                "/pkg/participe.ghi.wasm"
            ]
        );
    }
}
