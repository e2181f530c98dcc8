//! `participe`: serve the site, migrate the store, create an admin, load the demo.

use app::demo;
use clap::{Parser, Subcommand};
use server::config::Config;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "participe",
    about = "Participe, the civic participation platform"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (the default).
    Serve {
        /// Load the demo process first when the store holds no process yet.
        #[arg(long)]
        with_demo: bool,
    },
    /// Apply the database migrations and stop.
    Migrate,
    /// Create an admin account (the password is read from PARTICIPE_ADMIN_PASSWORD or asked for).
    CreateAdmin {
        email: String,
        #[arg(long, default_value = "Admin")]
        name: String,
    },
    /// Load the "Mulhouse solidaire" demo process and the demo staff accounts.
    Demo {
        /// Keep the real 2021-2022 dates instead of opening the consultation today.
        #[arg(long)]
        historical: bool,
    },
    /// Delete the demo staff accounts (published password) and their sessions.
    RemoveDemo,
    /// Write a backup of the database to FILE (SQLite: a compact copy; PostgreSQL: pg_dump's custom format).
    Backup { file: std::path::PathBuf },
    /// Replace the database's content by a backup made with `participe backup`.
    Restore {
        file: std::path::PathBuf,
        /// Replace a database that holds rows.
        #[arg(long)]
        force: bool,
    },
}

/// Argon2 takes about 19 MiB a login. Once freed, glibc would keep such
/// blocks in its heaps (its mmap threshold rises to the largest block freed),
/// so the server's memory would grow with every login: with a fixed
/// threshold they are mapped and given back to the system at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_large_blocks_back() {
    // SAFETY: mallopt only changes the allocator's tuning; glibc serialises it.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_large_blocks_back() {}

#[tokio::main]
async fn main() -> ExitCode {
    give_large_blocks_back();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("participe: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let config = Config::from_env()?;
    let command = cli.command.unwrap_or(Command::Serve { with_demo: false });
    // A backup copies the store as it is and a restore replaces it: neither migrates it.
    match &command {
        Command::Backup { file } => {
            return server::backup::backup(&config.database_url, file).await
        }
        Command::Restore { file, force } => {
            return server::backup::restore(&config.database_url, file, *force).await
        }
        _ => {}
    }
    let db = server::open_db(&config).await?;
    match command {
        Command::Backup { .. } | Command::Restore { .. } => unreachable!("handled above"),
        Command::Migrate => {
            println!("Database up to date: {}", config.database_url);
            Ok(())
        }
        Command::CreateAdmin { email, name } => create_admin(&db, email, name).await,
        Command::Demo { historical } => load_demo(&db, &config, historical).await,
        Command::RemoveDemo => remove_demo(&db).await,
        Command::Serve { with_demo } => {
            if with_demo
                && app::process::store::list_processes(&db, false)
                    .await
                    .map_err(|e| e.to_string())?
                    .is_empty()
            {
                load_demo(&db, &config, false).await?;
            }
            serve(config, db).await
        }
    }
}

async fn load_demo(db: &app::ssr::Db, config: &Config, historical: bool) -> Result<(), String> {
    let today = config.settings().today();
    let report = demo::load(db, today, historical)
        .await
        .map_err(|e| format!("demo: {e}"))?;
    if report.process_created {
        println!(
            "Demo process loaded: /processes/{} (dates moved by {} days)",
            demo::SLUG,
            report.shift_days
        );
    } else {
        println!("Demo process already present: /processes/{}", demo::SLUG);
    }
    println!(
        "Demo staff accounts (password \"{}\"):",
        demo::DEMO_PASSWORD
    );
    for (email, _, role) in demo::DEMO_ACCOUNTS {
        println!("  {:<12} {email}", role.as_str());
    }
    Ok(())
}

async fn remove_demo(db: &app::ssr::Db) -> Result<(), String> {
    let removed = app::account::service::remove_demo_accounts(db)
        .await
        .map_err(|e| format!("cannot remove the demo accounts: {e}"))?;
    if removed.accounts.is_empty() {
        println!("No demo staff account to remove.");
    } else {
        println!(
            "Removed {} demo staff accounts and {} of their sessions:",
            removed.accounts.len(),
            removed.sessions
        );
        for email in &removed.accounts {
            println!("  {email}");
        }
        println!("What they did (moderation decisions, check-ins) stays, no longer linked to an account.");
    }
    let admins = app::account::store::list_accounts(db)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|a| a.role == app::model::Role::Admin && !a.disabled())
        .count();
    if admins == 0 {
        println!(
            "No active admin account is left: create one with `participe create-admin EMAIL`."
        );
    }
    Ok(())
}

async fn create_admin(db: &app::ssr::Db, email: String, name: String) -> Result<(), String> {
    use app::account::forms::StaffForm;
    use app::account::logic::NewStaff;
    use app::account::store::create_staff;
    let password = match std::env::var("PARTICIPE_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("Password for {email} (at least 10 characters): ");
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| e.to_string())?;
            line.trim_end_matches(['\n', '\r']).to_owned()
        }
    };
    let form = StaffForm {
        email,
        display_name: name,
        role: "admin".into(),
        password,
    };
    let new = NewStaff::parse(&form).map_err(|(field, why)| format!("{field}: {why}"))?;
    create_staff(db, &new, false)
        .await
        .map_err(|e| format!("cannot create the account: {e}"))?;
    println!("Admin account created: {}", new.email);
    Ok(())
}

async fn serve(config: Config, db: app::ssr::Db) -> Result<(), String> {
    let demo_accounts = app::account::store::count_demo_accounts(&db)
        .await
        .unwrap_or(0);
    if demo_accounts > 0 {
        tracing::warn!(
            "{demo_accounts} DEMO STAFF ACCOUNTS WITH PUBLISHED PASSWORDS EXIST. \
             Never expose this server to the public with them: delete them with `participe remove-demo` \
             (create your own admin first with `participe create-admin`) or use a fresh database."
        );
    }
    let mail = server::start_mail_worker(&config, db.clone())?;
    server::spawn_jobs(db.clone(), config.settings());
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let router = server::router(&config, db, mail.waker());
    println!("Participe is running at {}", config.base_url);
    if demo_accounts > 0 {
        println!(
            "Demo admin login: {} / {}",
            demo::DEMO_ACCOUNTS[0].0,
            demo::DEMO_PASSWORD
        );
    }
    server::serve::serve(listener, router, config.timeouts, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    // Requests are done; the mail in hand is finished, the rest waits in the outbox.
    mail.stop().await;
    Ok(())
}
