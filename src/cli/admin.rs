//! `gestio serve`, `gestio demo`, `gestio verify`.

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;
use tokio::net::TcpListener;

use super::output::json;
use super::parties::JsonFlag;
use super::{Context, now, open_store, today};
use crate::config::{DEFAULT_BIND_ADDR, DatabaseUrl};
use crate::domain::ids::BookId;
use crate::http::{AppState, ServeLimits, serve_with, shutdown_signal};
use crate::service::demo::create_demo;
use crate::service::demo_users::demo_sign_ins;
use crate::service::verify::verify as verify_books;
use crate::storage::Store;

/// Where the server listens, and which reverse proxies it believes.
#[derive(Debug, Args)]
pub struct ListenArgs {
    /// Address to listen on.
    #[arg(long, env = "BIND_ADDR", default_value = DEFAULT_BIND_ADDR)]
    bind: SocketAddr,
    /// A reverse proxy in front of gestio whose X-Forwarded-For header names the client, for the
    /// sign-in throttle (repeat it, or comma-separate). Without it the header is ignored, since
    /// any client can send one.
    #[arg(long = "trusted-proxy", env = "TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Vec<IpAddr>,
    /// Open connections at most; beyond, a connection is answered 503 at once. Keep it below the
    /// process's file handle limit (`ulimit -n`).
    #[arg(long, env = "GESTIO_CONNECTIONS_MAX", default_value_t = crate::http::ServeLimits::default().connections_max)]
    connections_max: usize,
    /// Open connections per client address at most (trusted proxies aside); beyond, a 503.
    #[arg(long, env = "GESTIO_CONNECTIONS_PER_ADDRESS_MAX", default_value_t = crate::http::ServeLimits::default().connections_per_address_max)]
    connections_per_address_max: usize,
}

/// How long a stopping server waits for the database's connections to come back.
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    listen: ListenArgs,
}

pub async fn serve(store: Store, url: DatabaseUrl, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    run_server(store, &url, &args.listen).await?;
    Ok(ExitCode::SUCCESS)
}

async fn run_server(store: Store, url: &DatabaseUrl, listen: &ListenArgs) -> anyhow::Result<()> {
    let bind = listen.bind;
    let listener = TcpListener::bind(bind)
        .await
        .with_context(|| format!("listening on {bind}"))?;
    let address = listener.local_addr()?;
    tracing::info!(database = %url, %address, trusted_proxies = listen.trusted_proxies.len(), "serving");
    println!("gestio is serving {url} at http://{address}/ (Ctrl-C to stop)");
    let state = AppState::new(store.clone()).with_trusted_proxies(&listen.trusted_proxies);
    let limits = ServeLimits {
        connections_max: listen.connections_max.max(1),
        connections_per_address_max: listen.connections_per_address_max.max(1),
        ..ServeLimits::default()
    };
    serve_with(listener, state, limits, shutdown_signal()).await?;
    if tokio::time::timeout(CLOSE_WAIT, store.close()).await.is_err() {
        tracing::warn!(
            "the database did not close in time; stopping anyway (the database rolls back what was not committed)"
        );
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Only create the demo data; do not serve.
    #[arg(long)]
    no_serve: bool,
    /// Where to write a bank statement that fits the demo's dates, to try the import page on.
    #[arg(long, default_value = "demo-statements")]
    statements_dir: std::path::PathBuf,
    #[command(flatten)]
    listen: ListenArgs,
}

/// Writes last month's statement of the demo's first person and says where it is.
async fn write_demo_statement(
    store: &crate::storage::Store,
    office: crate::domain::ids::OfficeId,
    directory: &std::path::Path,
) -> anyhow::Result<()> {
    let Some(sample) = crate::service::demo_statements::demo_statement(store, office, today()).await? else {
        return Ok(());
    };
    std::fs::create_dir_all(directory).with_context(|| format!("creating {}", directory.display()))?;
    let path = directory.join(&sample.file_name);
    std::fs::write(&path, &sample.bytes).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "a bank statement fitting the demo's dates, to import (bank format {}): {}",
        sample.profile,
        path.display()
    );
    Ok(())
}

pub async fn demo(
    url: DatabaseUrl,
    args: &DemoArgs,
    author: &str,
    secret_file: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let store = open_store(&url, secret_file, Some(crate::http::REQUEST_TIMEOUT)).await?;
    let outcome = create_demo(&store, author, today(), now())
        .await
        .context("creating the demo data")?;
    if outcome.created {
        println!(
            "demo office created in {url}: {} beneficiaries, {} entries, a payment run of {} orders for next month",
            outcome.beneficiaries, outcome.entries, outcome.payment_orders
        );
    } else {
        println!("demo office already present in {url}: reusing it");
    }
    write_demo_statement(&store, outcome.office, &args.statements_dir).await?;
    let sign_ins = demo_sign_ins(&store, outcome.office, now())
        .await
        .context("creating the demo users")?;
    println!(
        "sign in at http://{}/sign-in as (the passwords are new each time the demo starts):",
        args.listen.bind
    );
    for sign_in in &sign_ins {
        println!(
            "  {:<12} {:<12} {}",
            sign_in.role.code(),
            sign_in.login,
            sign_in.password
        );
    }
    if args.no_serve {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    run_server(store, &url, &args.listen).await?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Verify one book only.
    #[arg(long)]
    book: Option<BookId>,
    #[command(flatten)]
    output: JsonFlag,
}

pub async fn verify(context: &Context, args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let results = verify_books(&context.store, args.book).await?;
    let sound = results.iter().all(|result| result.is_sound());
    if args.output.json {
        json(&results)?;
    } else {
        for result in &results {
            if result.is_sound() {
                println!(
                    "book {}: {} entries, chain, seal, balances and stored files verified",
                    result.book, result.entries_checked
                );
            }
            for head in &result.filed_heads {
                println!(
                    "book {}: filing {} was made from the ledger up to entry {} ({})",
                    result.book,
                    head.filing,
                    head.chain_sequence,
                    crate::domain::chain::grouped_hash(&head.chain_hash)
                );
            }
            for problem in &result.problems {
                println!("book {}: BROKEN: {problem}", result.book);
            }
        }
        println!(
            "{} book(s) checked, {}",
            results.len(),
            if sound { "all sound" } else { "problems found" }
        );
    }
    Ok(if sound { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
