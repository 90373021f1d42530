//! Settings read at the edge, from flags and the environment (DATABASE_URL, BIND_ADDR, RUST_LOG).

use std::fmt;
use std::net::SocketAddr;

use crate::storage::redact_url;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://gestio.db";
pub const DEMO_DATABASE_URL: &str = "sqlite://gestio-demo.db";
pub const DEFAULT_BIND_ADDR: &str = "127.0.0.1:8080";

/// Where the database is. Its `Debug` and `Display` hide the password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn new(url: impl Into<String>) -> Self {
        DatabaseUrl(url.into())
    }

    /// The URL with its password, for connecting only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&redact_url(&self.0))
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "DatabaseUrl({self})")
    }
}

#[derive(Debug, Clone)]
pub struct ServeSettings {
    pub database_url: DatabaseUrl,
    pub bind_addr: SocketAddr,
}

/// Logs go to standard error; `RUST_LOG` overrides `default_filter`.
pub fn init_logging(default_filter: &str) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_database_url_never_shows_its_password() {
        let url = super::DatabaseUrl::new("postgres://gestio:hunter2@db.example/gestio");
        assert_eq!(
            format!("{url:?}"),
            "DatabaseUrl(postgres://gestio:***@db.example/gestio)"
        );
        assert!(!url.to_string().contains("hunter2"));
    }
}
