//! Users and the access rule with stored facts, on SQLite and PostgreSQL: argon2id passwords, the
//! same answer for an unknown login and a wrong password, disabled users, assignments, and who
//! may read, write or review which demo book.

use crate::common;
use crate::support::cli as cli_support;

use std::io::Write as _;
use std::process::Stdio;

use common::now;
use gestio::domain::access::{Action, Decision, Role};
use gestio::domain::ids::{BeneficiaryId, BookId, OfficeId};
use gestio::domain::user::{NewUser, UserError};
use gestio::service::ServiceError;
use gestio::service::passwords::PasswordWork;
use gestio::service::users::{add_user, assign, authenticate, authorize, set_disabled, set_password};

const PASSWORD: &str = "correct horse battery staple";
const LUXEMBOURG_COURT: &str = "Tribunal d'arrondissement de Luxembourg, juge des tutelles";

fn person(login: &str, role: Role) -> NewUser {
    NewUser {
        office: role.has_office().then_some(OfficeId::new(1)),
        login: login.into(),
        display_name: login.into(),
        role,
        language: None,
        beneficiary: None,
        court: None,
    }
}

/// `gestio ARGUMENTS`, with the password on standard input.
fn gestio_with_stdin(db: &common::TestDb, arguments: &[&str], input: &str) -> std::process::Output {
    let mut child = db
        .command()
        .args(arguments)
        .env_remove("GESTIO_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

crate::backend_tests! {
    async fn a_session_read_a_moment_ago_is_believed_five_seconds_at_most(db) {
        use gestio::service::session_cache::SessionCache;
        use gestio::service::sessions::{SignIn, session, sign_in};
        let store = db.store().await;
        gestio::service::demo::create_demo(&store, "test", common::date("2026-11-23"), now()).await.unwrap();
        add_user(&store, &PasswordWork::default(), person("marie.weber", Role::Supervisor), PASSWORD, now()).await.unwrap();
        let throttle = gestio::service::passwords::PasswordGuard::default();
        let SignIn::Opened { token, .. } = sign_in(&store, &throttle, "marie.weber", PASSWORD, "10.0.0.1", now()).await.unwrap() else {
            panic!("marie signs in");
        };
        let cache = SessionCache::default();
        let at = |seconds: i64| now() + chrono::Duration::seconds(seconds);
        assert!(session(&store, &cache, &token, at(0)).await.unwrap().is_some());
        // Disabled behind this server's back, as `gestio user disable` does from another process.
        set_disabled(&store, "marie.weber", true).await.unwrap();
        assert!(session(&store, &cache, &token, at(1)).await.unwrap().is_some(), "believed for a moment");
        assert!(session(&store, &cache, &token, at(6)).await.unwrap().is_none(), "read again after five seconds");
        set_disabled(&store, "marie.weber", false).await.unwrap();
        let SignIn::Opened { token, .. } = sign_in(&store, &throttle, "marie.weber", PASSWORD, "10.0.0.1", now()).await.unwrap() else {
            panic!("marie signs in again");
        };
        assert!(session(&store, &cache, &token, at(0)).await.unwrap().is_some());
        set_disabled(&store, "marie.weber", true).await.unwrap();
        let marie = store.begin_read().await.unwrap().user_by_login("marie.weber").await.unwrap().0.id;
        cache.forget_user(marie);
        assert!(session(&store, &cache, &token, at(1)).await.unwrap().is_none(), "this server's own changes count at once");
    }

    async fn a_session_read_back_from_the_database_is_the_one_signing_in_opened(db) {
        use gestio::service::session_cache::SessionCache;
        use gestio::service::sessions::{SignIn, session, sign_in};
        let store = db.store().await;
        gestio::service::demo::create_demo(&store, "test", common::date("2026-11-23"), now()).await.unwrap();
        add_user(&store, &PasswordWork::default(), person("marie.weber", Role::Counsellor), PASSWORD, now()).await.unwrap();
        add_user(&store, &PasswordWork::default(), person("paul.idle", Role::Counsellor), PASSWORD, now()).await.unwrap();
        let books = store.begin_read().await.unwrap().books(None).await.unwrap();
        assert!(books.len() >= 2, "the demo has books to assign");
        // Assigned out of order: the books are read back in order, as signing in lists them.
        for book in books.iter().rev() {
            assign(&store, "marie.weber", book.id, now()).await.unwrap();
        }
        let throttle = gestio::service::passwords::PasswordGuard::default();
        for (login, assigned) in [("marie.weber", books.len()), ("paul.idle", 0)] {
            let SignIn::Opened { token, signed_in } = sign_in(&store, &throttle, login, PASSWORD, "10.0.0.1", now()).await.unwrap() else {
                panic!("{login} signs in");
            };
            assert_eq!(signed_in.principal.assigned_books.len(), assigned);
            let read = session(&store, &SessionCache::default(), &token, now()).await.unwrap();
            assert_eq!(read.as_ref(), Some(&*signed_in), "{login}: user, rights, books and CSRF token as signing in gave them");
        }
        let unknown = "0".repeat(64);
        assert_eq!(session(&store, &SessionCache::default(), &unknown, now()).await.unwrap(), None);
    }

    async fn users_are_managed_from_the_command_line_without_passwords_in_arguments(db) {
        let demo = cli_support::ok(&db, &["demo", "--no-serve"]);
        for role in ["administrator", "supervisor", "counsellor", "beneficiary", "court"] {
            assert!(demo.lines().any(|line| line.trim_start().starts_with(role)), "the demo prints a sign-in for {role}: {demo}");
        }
        let added = gestio_with_stdin(&db, &["user", "add", "--office", "1", "--login", "marie.weber", "--name", "Marie Weber", "--role", "counsellor"], "correct horse battery staple\n");
        assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
        let short = gestio_with_stdin(&db, &["user", "add", "--office", "1", "--login", "paul", "--name", "Paul", "--role", "counsellor"], "short\n");
        assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
        let court = gestio_with_stdin(&db, &["user", "add", "--login", "greffe", "--name", "Greffe", "--role", "court"], "correct horse battery staple\n");
        assert!(String::from_utf8_lossy(&court.stderr).contains("must name their court"));
        let owned = gestio_with_stdin(&db, &["user", "add", "--office", "1", "--login", "greffe", "--name", "Greffe", "--role", "court", "--court", "1"], "correct horse battery staple\n");
        assert!(String::from_utf8_lossy(&owned.stderr).contains("a court belongs to no office"), "{}", String::from_utf8_lossy(&owned.stderr));
        let unknown = gestio_with_stdin(&db, &["user", "add", "--login", "greffe", "--name", "Greffe", "--role", "court", "--court", "Cour de nulle part"], "correct horse battery staple\n");
        assert!(String::from_utf8_lossy(&unknown.stderr).contains("no court is recorded as 'Cour de nulle part'"));
        cli_support::ok(&db, &["court", "add", "--name", "Tribunal de paix d'Esch-sur-Alzette", "--jurisdiction", "lu", "--address", "Place de la Résistance, L-4041 Esch-sur-Alzette"]);
        let esch = gestio_with_stdin(&db, &["user", "add", "--login", "greffe.esch", "--name", "Greffe Esch", "--role", "court", "--court", "tribunal de paix d'esch-sur-alzette"], "correct horse battery staple\n");
        assert!(esch.status.success(), "{}", String::from_utf8_lossy(&esch.stderr));
        let courts = cli_support::json(&db, &["court", "list"]);
        assert!(courts.as_array().unwrap().iter().any(|court| court["name"] == "Tribunal de paix d'Esch-sur-Alzette" && court["jurisdiction"] == "lu"), "{courts}");
        let twice = cli_support::fails(&db, &["court", "add", "--name", "TRIBUNAL DE PAIX D'ESCH-SUR-ALZETTE", "--jurisdiction", "lu"]);
        assert!(twice.contains("is recorded already"), "{twice}");
        let admin = gestio_with_stdin(&db, &["admin", "add", "--login", "instance.admin", "--name", "Admin"], "correct horse battery staple\n");
        assert!(admin.status.success(), "{}", String::from_utf8_lossy(&admin.stderr));
        cli_support::ok(&db, &["user", "assign", "marie.weber", "--book", "1"]);
        cli_support::ok(&db, &["user", "assign", "marie.weber", "--book", "2"]);
        cli_support::ok(&db, &["user", "withdraw", "marie.weber", "--book", "1"]);
        let again = cli_support::fails(&db, &["user", "withdraw", "marie.weber", "--book", "1"]);
        assert!(again.contains("assignment of book 1 does not exist"), "{again}");
        let mut tx = db.store().await.begin_read().await.unwrap();
        let marie = tx.user_by_login("marie.weber").await.unwrap().0.id;
        assert_eq!(tx.assigned_books(marie).await.unwrap(), vec![gestio::domain::ids::BookId::new(2)]);
        tx.commit().await.unwrap();
        cli_support::ok(&db, &["user", "disable", "marie.weber"]);
        let listed = cli_support::json(&db, &["user", "list"]);
        let marie = listed.as_array().unwrap().iter().find(|user| user["login"] == "marie.weber").unwrap();
        let clerk = listed.as_array().unwrap().iter().find(|user| user["login"] == "greffe.esch").unwrap();
        assert_eq!((clerk["office"].clone(), clerk["role"].clone()), (serde_json::Value::Null, "court".into()), "{clerk}");
        let administrator = listed.as_array().unwrap().iter().find(|user| user["login"] == "instance.admin").unwrap();
        assert_eq!(administrator["role"], "administrator");
        assert_eq!(marie["disabled"], true);
        assert_eq!(marie["role"], "counsellor");
        let store = db.store().await;
        assert_eq!(authenticate(&store, &PasswordWork::default(), "marie.weber", "correct horse battery staple").await.unwrap(), None, "disabled");
        cli_support::ok(&db, &["user", "enable", "marie.weber"]);
        assert!(authenticate(&store, &PasswordWork::default(), "marie.weber", "correct horse battery staple").await.unwrap().is_some());
    }

    async fn users_sign_in_with_their_password_and_see_what_their_role_allows(db) {
        let store = db.store().await;
        gestio::service::demo::create_demo(&store, "test", common::date("2026-11-23"), now()).await.unwrap();
        let supervisor = add_user(&store, &PasswordWork::default(), person("sup.ervisor", Role::Supervisor), PASSWORD, now()).await.unwrap();
        let counsellor = add_user(&store, &PasswordWork::default(), person("marie.weber", Role::Counsellor), PASSWORD, now()).await.unwrap();
        let idle = add_user(&store, &PasswordWork::default(), person("paul.idle", Role::Counsellor), PASSWORD, now()).await.unwrap();
        let maria = add_user(&store, &PasswordWork::default(), NewUser { beneficiary: Some(BeneficiaryId::new(1)), ..person("maria", Role::Beneficiary) }, PASSWORD, now()).await.unwrap();
        let luxembourg = common::court(&store, LUXEMBOURG_COURT).await;
        let trier_court = common::court(&store, "Amtsgericht Trier, Betreuungsgericht").await;
        let clerk = add_user(&store, &PasswordWork::default(), NewUser { court: Some(luxembourg), ..person("greffe.lux", Role::Court) }, PASSWORD, now()).await.unwrap();
        let trier = add_user(&store, &PasswordWork::default(), NewUser { court: Some(trier_court), ..person("ag.trier", Role::Court) }, PASSWORD, now()).await.unwrap();

        // The hash is argon2id, never the password.
        let hash: String = {
            let mut tx = store.begin_read().await.unwrap();
            tx.user_by_login("marie.weber").await.unwrap().1
        };
        assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));
        assert_eq!(authenticate(&store, &PasswordWork::default(), "marie.weber", PASSWORD).await.unwrap().map(|user| user.id), Some(counsellor.id));
        assert_eq!(authenticate(&store, &PasswordWork::default(), "marie.weber", "wrong horse battery staple").await.unwrap(), None);
        assert_eq!(authenticate(&store, &PasswordWork::default(), "nobody.here", PASSWORD).await.unwrap(), None);

        assign(&store, "marie.weber", BookId::new(1), now()).await.unwrap();
        let error = assign(&store, "maria", BookId::new(2), now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Assignment(_)), "{error}");
        let error = assign(&store, "marie.weber", BookId::new(1), now()).await.unwrap_err();
        assert!(error.to_string().contains("assigned to this user already"), "{error}");

        use Decision::{Allowed, Forbidden, Hidden};
        // (user, book, read, write, review): Maria's book 1 and Jean-Paul's book 2 are before the
        // Luxembourg court; Klaus's book 4 before Trier's. Courts read what is filed, not the ledger.
        let expected = [
            (supervisor.id, 1, Allowed, Allowed, Forbidden),
            (supervisor.id, 4, Allowed, Allowed, Forbidden),
            (counsellor.id, 1, Allowed, Allowed, Forbidden),
            (counsellor.id, 2, Hidden, Hidden, Hidden),
            (idle.id, 1, Hidden, Hidden, Hidden),
            (maria.id, 1, Allowed, Forbidden, Forbidden),
            (maria.id, 2, Hidden, Hidden, Hidden),
            (clerk.id, 1, Forbidden, Forbidden, Allowed),
            (clerk.id, 2, Forbidden, Forbidden, Allowed),
            (clerk.id, 4, Hidden, Hidden, Hidden),
            (trier.id, 4, Forbidden, Forbidden, Allowed),
            (trier.id, 1, Hidden, Hidden, Hidden),
            (supervisor.id, 999, Hidden, Hidden, Hidden),
        ];
        for (user, book, read, write, review) in expected {
            let book = BookId::new(book);
            assert_eq!(authorize(&store, user, Action::Read, book).await.unwrap(), read, "user {user} reads {book}");
            assert_eq!(authorize(&store, user, Action::Write, book).await.unwrap(), write, "user {user} writes {book}");
            assert_eq!(authorize(&store, user, Action::Review, book).await.unwrap(), review, "user {user} reviews {book}");
        }

        // Disabled: no sign-in, nothing visible; enabled again, both come back.
        set_disabled(&store, "marie.weber", true).await.unwrap();
        assert_eq!(authenticate(&store, &PasswordWork::default(), "marie.weber", PASSWORD).await.unwrap(), None);
        assert_eq!(authorize(&store, counsellor.id, Action::Read, BookId::new(1)).await.unwrap(), Hidden);
        set_disabled(&store, "marie.weber", false).await.unwrap();
        set_password(&store, &PasswordWork::default(), "marie.weber", "a brand new passphrase").await.unwrap();
        assert_eq!(authenticate(&store, &PasswordWork::default(), "marie.weber", PASSWORD).await.unwrap(), None);
        assert!(authenticate(&store, &PasswordWork::default(), "marie.weber", "a brand new passphrase").await.unwrap().is_some());

        let error = add_user(&store, &PasswordWork::default(), person("marie.weber", Role::Counsellor), PASSWORD, now()).await.unwrap_err();
        assert!(error.to_string().contains("the login marie.weber is taken"), "{error}");
        let error = add_user(&store, &PasswordWork::default(), person("short.pw", Role::Counsellor), "too short", now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::User(UserError::PasswordLength)), "{error}");
    }
}
