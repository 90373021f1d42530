//! Database URLs as they may be shown.

/// The URL without its password, for messages and logs.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or_default();
            let password_hidden = if credentials.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{password_hidden}@{host}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_the_password_of_a_database_url() {
        assert_eq!(
            super::redact_url("postgres://gestio:s3cret@db/gestio"),
            "postgres://gestio:***@db/gestio"
        );
        assert_eq!(
            super::redact_url("postgres://root@localhost/test"),
            "postgres://root@localhost/test"
        );
        assert_eq!(super::redact_url("sqlite://gestio.db"), "sqlite://gestio.db");
    }
}
