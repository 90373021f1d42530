//! Finding 1 (high): a court was free text, matched without regard to case, so office 2's
//! supervisor could create a court user for office 1's court, who then read office 1's filed
//! account, Maria's identity and her evidence, and recorded "approved" on it. Courts are records
//! now, court staff are the instance administrator's to add, and mandates and court users point at
//! a court by id.

use reqwest::StatusCode;

use super::{detail, get, post_form, two_offices};
use crate::common::{PASSWORD, TestApp, TestDb, raw_sql};

const MARIAS_COURT: &str = "Tribunal d'arrondissement de Luxembourg, juge des tutelles";

/// The demo court's record id, as the administrator's page lists it.
async fn court_id(app: &TestApp, name: &str) -> i64 {
    let courts = gestio::service::courts::courts(&app.store).await.unwrap();
    courts
        .iter()
        .find(|court| court.name == name)
        .expect("the court is recorded")
        .id
        .get()
}

crate::backend_tests! {
    async fn a_supervisor_cannot_create_a_court_user_for_another_offices_court(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let court = court_id(&app, MARIAS_COURT).await.to_string();
        for court_field in [MARIAS_COURT, court.as_str()] {
            let (status, page) = post_form(&app, "supervisor2", "/admin/users", &[
                ("login", "greffe-intrus"),
                ("name", "Greffe intrus"),
                ("role", "court"),
                ("court", court_field),
                ("password", "a long enough passphrase for the court"),
            ]).await;
            assert_eq!(status, 403, "an office made court staff: {page}");
            assert!(page.contains("added by the administrator of the instance"), "the page says who adds them: {page}");
        }
        assert!(app.session("greffe-intrus", "a long enough passphrase for the court").await.is_err());
        // Office 1's filing stays out of reach of office 2 and of its court's clerk.
        for login in ["supervisor2", "greffe-diekirch"] {
            let client = app.client_of(login).await;
            let (status, body) = get(&app, &client, &format!("/api/v1/filings/{}", ids.filing)).await;
            assert_eq!(status, 404, "{login}: {body}");
            let (status, body) = get(&app, &client, &format!("/api/v1/beneficiaries/{}", ids.person)).await;
            assert_eq!(status, 404, "{login} read Maria: {body}");
            let review = client.post(app.url(&format!("/api/v1/filings/{}/review", ids.filing)))
                .json(&serde_json::json!({ "verdict": "approved" })).send().await.unwrap();
            assert_eq!(review.status(), StatusCode::NOT_FOUND, "{login} reviewed office 1's filing");
        }
    }

    async fn the_administrator_records_a_court_and_its_clerk_who_sees_that_courts_filings_only(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let (status, page) = get(&app, &app.client_of("admin-instance").await, "/").await;
        assert_eq!(status, 200);
        let escaped = MARIAS_COURT.replace('\'', "&#39;");
        assert!(page.contains(&escaped) && page.contains("greffe-lux"), "the courts and their staff: {page}");
        let (status, page) = post_form(&app, "admin-instance", "/courts", &[
            ("name", "  "), ("jurisdiction", "lu"),
        ]).await;
        assert_eq!(status, 422, "{page}");
        let (status, _) = post_form(&app, "admin-instance", "/courts", &[
            ("name", "Justice de paix de Luxembourg"), ("jurisdiction", "lu"), ("address", "Cité judiciaire, L-2080 Luxembourg"),
        ]).await;
        assert_eq!(status, 303);
        let (status, page) = post_form(&app, "admin-instance", "/courts", &[
            ("name", "JUSTICE DE PAIX DE LUXEMBOURG"), ("jurisdiction", "lu"),
        ]).await;
        assert_eq!(status, 422, "one record per court, whatever the case of its name: {page}");
        // Maria's court gets a second clerk from the administrator's page.
        let maria_court = court_id(&app, MARIAS_COURT).await;
        let (status, page) = post_form(&app, "admin-instance", &format!("/courts/{maria_court}/staff"), &[
            ("login", "greffe-lux-2"), ("name", "Second greffier"), ("password", "password1234"),
        ]).await;
        assert_eq!(status, 422, "a weak password is refused there too: {page}");
        let (status, _) = post_form(&app, "admin-instance", &format!("/courts/{maria_court}/staff"), &[
            ("login", "greffe-lux-2"), ("name", "Second greffier"), ("password", PASSWORD),
        ]).await;
        assert_eq!(status, 303);
        let clerk = app.client_of("greffe-lux-2").await;
        assert_eq!(get(&app, &clerk, &format!("/api/v1/filings/{}", ids.filing)).await.0, 200);
        let (_, books) = get(&app, &clerk, "/api/v1/books").await;
        let books: serde_json::Value = serde_json::from_str(&books).unwrap();
        assert!(books.as_array().unwrap().iter().all(|book| book["id"] != ids.second.book.get()), "not office 2's case: {books}");
        // Nobody else reaches these pages.
        for login in ["supervisor", "supervisor2", "greffe-lux"] {
            let (status, body) = post_form(&app, login, "/courts", &[("name", "Cour"), ("jurisdiction", "lu")]).await;
            assert_eq!((status, detail(&body)), (404, "page /courts does not exist".to_owned()), "{login}");
        }
    }

    async fn court_texts_become_records_and_no_mandate_or_court_user_is_lost(db) {
        // A database as it was before courts were records (migration 14), with the texts people typed.
        let migrations = before_courts(&db).await;
        let url = db.url.clone();
        migrations.run_on(&url).await;
        let legacy = "INSERT INTO offices (name, country, created_at) VALUES ('Office', 'LU', '2026-01-01T00:00:00Z'); \
            INSERT INTO beneficiaries (office_id, name, language, created_at) VALUES (1, 'Maria', 'pt', '2026-01-01T00:00:00Z'); \
            INSERT INTO beneficiaries (office_id, name, language, created_at) VALUES (1, 'Jean', 'fr', '2026-01-01T00:00:00Z');";
        for statement in legacy.split("; ") {
            raw_sql(&db, statement.trim_end_matches(';')).await.unwrap();
        }
        for (person, court, case) in [(1, " Tribunal de Luxembourg ", "TUT 1"), (2, "Tribunal de Luxembourg", "TUT 2"), (2, "Amtsgericht Trier", "XVII 3")] {
            raw_sql(&db, &format!("INSERT INTO mandates (beneficiary_id, kind, court, case_number, start_date, period_rule, \
                jurisdiction, created_at) VALUES ({person}, 'tutelle', '{court}', '{case}', '2026-01-01', 'calendar_year', 'lu', \
                '2026-01-01T00:00:00Z')")).await.unwrap();
        }
        let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";
        for (login, court) in [("greffe", "tribunal de luxembourg"), ("ag-trier", "Amtsgericht Trier"), ("ailleurs", "Cour d''appel")] {
            raw_sql(&db, &format!("INSERT INTO users (office_id, login, display_name, role, password_hash, court, created_at) \
                VALUES (1, '{login}', '{login}', 'court', '{hash}', '{court}', '2026-01-01T00:00:00Z')")).await.unwrap();
        }
        let store = db.store().await;
        let courts = gestio::service::courts::courts(&store).await.unwrap();
        let names: Vec<&str> = courts.iter().map(|court| court.name.as_str()).collect();
        assert_eq!(names, ["Amtsgericht Trier", "Cour d'appel", "Tribunal de Luxembourg"], "equal texts, trimmed, are one court");
        let mut tx = store.begin_read().await.unwrap();
        let mandates = tx.mandates(None).await.unwrap();
        assert_eq!(mandates.len(), 3, "no mandate is lost");
        let court_of = |case: &str| mandates.iter().find(|mandate| mandate.court.as_ref().unwrap().case_number == case)
            .unwrap().court.as_ref().unwrap().name.clone();
        assert_eq!([court_of("TUT 1"), court_of("TUT 2"), court_of("XVII 3")], ["Tribunal de Luxembourg", "Tribunal de Luxembourg", "Amtsgericht Trier"]);
        let users = tx.users(None).await.unwrap();
        tx.commit().await.unwrap();
        let clerk_court = |login: &str| {
            let user = users.iter().find(|user| user.login == login).unwrap();
            assert_eq!(user.office, None, "court staff belong to no office");
            courts.iter().find(|court| Some(court.id) == user.court).unwrap().name.clone()
        };
        assert_eq!(clerk_court("greffe"), "Tribunal de Luxembourg", "matched as before, without regard to case");
        assert_eq!(clerk_court("ag-trier"), "Amtsgericht Trier");
        assert_eq!(clerk_court("ailleurs"), "Cour d'appel", "a court no mandate names is kept for its clerk");
        assert!(store.is_ready().await.unwrap());
    }
}

/// The migrations up to the one that made courts records, to bring a database to that state.
struct MigrationsBefore {
    _folder: tempfile::TempDir,
    migrator: sqlx::migrate::Migrator,
    backend: &'static str,
}

impl MigrationsBefore {
    async fn run_on(&self, url: &str) {
        if self.backend == "sqlite" {
            let options: sqlx::sqlite::SqliteConnectOptions = url.parse().unwrap();
            let pool = sqlx::SqlitePool::connect_with(options.create_if_missing(true).foreign_keys(true))
                .await
                .unwrap();
            self.migrator.run(&pool).await.unwrap();
            pool.close().await;
        } else {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            self.migrator.run(&pool).await.unwrap();
            pool.close().await;
        }
    }
}

async fn before_courts(db: &TestDb) -> MigrationsBefore {
    let folder = tempfile::tempdir().unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(db.backend);
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.as_str() < "0015" {
            std::fs::copy(&path, folder.path().join(&name)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(folder.path()).await.unwrap();
    MigrationsBefore {
        _folder: folder,
        migrator,
        backend: db.backend,
    }
}
