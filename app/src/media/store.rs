//! The `media_images` and `media_variants` tables, and the media folder: on
//! SQLite (one instance) a variant's bytes are a file, on PostgreSQL they are
//! in its row so that every instance serves them.

use super::logic::{self, ImageRef};
use super::service::Prepared;
use crate::ssr::db::{now, Engine};
use crate::ssr::Db;
use std::path::Path;

/// Stores an image and its variants; storing the same bytes twice is a no-op.
pub async fn save(db: &Db, dir: &Path, image: &Prepared) -> Result<(), sqlx::Error> {
    let on_disk = db.engine == Engine::Sqlite;
    if on_disk {
        // Written before the rows, each under a temporary name then renamed:
        // a row never names a missing or half-written file.
        tokio::fs::create_dir_all(dir).await?;
        for v in &image.variants {
            let tmp = dir.join(format!(".{}.tmp", v.name));
            tokio::fs::write(&tmp, &v.bytes).await?;
            tokio::fs::rename(&tmp, dir.join(&v.name)).await?;
        }
    }
    let mut tx = db.pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO media_images (id, width, height, ext, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&image.id)
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(image.ext)
    .bind(now())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        for v in &image.variants {
            sqlx::query(
                "INSERT INTO media_variants (name, image_id, width, height, content_type, bytes) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&v.name)
            .bind(&image.id)
            .bind(i64::from(v.width))
            .bind(i64::from(v.height))
            .bind(logic::content_type(image.ext))
            .bind((!on_disk).then(|| v.bytes.clone()))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await
}

/// A variant to serve: its content type and bytes (read from the folder on SQLite).
pub async fn variant(db: &Db, dir: &Path, name: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
    if !logic::valid_name(name) {
        return Ok(None);
    }
    match db.engine {
        Engine::Sqlite => match tokio::fs::read(dir.join(name)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        },
        Engine::Postgres => {
            let bytes: Option<Option<Vec<u8>>> =
                sqlx::query_scalar("SELECT bytes FROM media_variants WHERE name = $1")
                    .bind(name)
                    .fetch_optional(&db.pool)
                    .await?;
            Ok(bytes.flatten())
        }
    }
}

/// An image as pages show it.
pub async fn image(db: &Db, id: &str) -> Result<Option<ImageRef>, sqlx::Error> {
    let row: Option<(String, i64, i64, String)> =
        sqlx::query_as("SELECT id, width, height, ext FROM media_images WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(id, w, h, ext)| image_ref(id, w, h, ext)))
}

/// An [`ImageRef`] from the columns of a row.
pub fn image_ref(id: String, width: i64, height: i64, ext: String) -> ImageRef {
    ImageRef {
        id,
        width: u32::try_from(width).unwrap_or(0),
        height: u32::try_from(height).unwrap_or(0),
        ext,
    }
}

/// Deletes the images of `ids` that nothing uses any more (no process, no
/// speaker), with their files; one still in use is kept. Runs after the
/// change that let go of them has committed.
pub async fn delete_unused(db: &Db, dir: &Path, ids: &[String]) -> Result<(), sqlx::Error> {
    for id in ids {
        let mut tx = db.pool.begin().await?;
        let names: Vec<String> =
            sqlx::query_scalar("SELECT name FROM media_variants WHERE image_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        let deleted = sqlx::query(
            "DELETE FROM media_images WHERE id = $1 \
             AND NOT EXISTS (SELECT 1 FROM processes WHERE image_id = $1) \
             AND NOT EXISTS (SELECT 1 FROM event_speakers WHERE photo_id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        if deleted == 1 && db.engine == Engine::Sqlite {
            for name in names.iter().filter(|n| logic::valid_name(n)) {
                if let Err(e) = tokio::fs::remove_file(dir.join(name)).await {
                    if e.kind() != std::io::ErrorKind::NotFound {
                        tracing::warn!("could not delete the media file {name}: {e}");
                    }
                }
            }
        }
    }
    Ok(())
}
