//! Every route × every persona, against the demo office: who gets the data, who is told it does
//! not exist (404), who may see but not do (403), and who must sign in first (401). The routes are
//! read from the router's source, so a route added without a line here fails this test.

pub mod routes;
pub mod world;

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::TestApp;
use routes::{Body, EXEMPT, Row, rows};
use world::set_up;

/// The people who ask. The target is the demo's first book (Maria Fernandes): her counsellor, her
/// own login and the court her mandate is before; and one of each who must not see it, among them
/// office 2's supervisor and its court's clerk, and the instance's administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Persona {
    Supervisor,
    Counsellor,
    OtherCounsellor,
    Beneficiary,
    OtherBeneficiary,
    Court,
    OtherCourt,
    Anonymous,
    Administrator,
    OtherOfficeSupervisor,
    OtherOfficeCourt,
}

const PERSONAS: [Persona; 11] = [
    Persona::Supervisor,
    Persona::Counsellor,
    Persona::OtherCounsellor,
    Persona::Beneficiary,
    Persona::OtherBeneficiary,
    Persona::Court,
    Persona::OtherCourt,
    Persona::Anonymous,
    Persona::Administrator,
    Persona::OtherOfficeSupervisor,
    Persona::OtherOfficeCourt,
];

/// What a persona must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Through the access rule: any answer but 401, 403 or the 404 of a refusal.
    Allowed,
    Status(u16),
    /// A page that answers, but says inside that the file's account is not one of the user's.
    RefusedInPage,
}

use Expect::{Allowed, RefusedInPage, Status};
const HIDDEN: Expect = Status(404);
const FORBIDDEN: Expect = Status(403);
const SIGN_IN: Expect = Status(401);
const UNKNOWN_IBAN: Expect = Status(422);

/// The rule a route follows, as one expectation per persona (in `PERSONAS` order).
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    Read,
    ReadFiled,
    /// A receipt no filed account lists: the book's readers, not the court.
    ReadUnfiledEvidence,
    Write,
    Review,
    OfficeRead,
    OfficeWrite,
    OfficeAdminister,
    PersonRead,
    PersonWrite,
    SignedIn,
    OfficeWideRun,
    BookRun,
    BookRunApprove,
    Upload,
    /// A page: without a session the browser is sent to sign in.
    Page,
    /// The supervisors' page (the audit log).
    AdministerPage,
    /// A book's page.
    ReadPage,
    /// A book's page for those who may write it (a form).
    WritePage,
    /// A filed account's page: the book's readers and its court.
    ReadFiledPage,
    /// The import page's upload.
    UploadPage,
    /// A page of the office's side (payments).
    OfficePage,
    /// What the instance's administrator keeps: the courts and their staff.
    Instance,
    /// A write route of the target book, with an id of office 2 in its body: who may write the
    /// book is told that record does not exist.
    ForeignIdInBody,
    /// An office route with an id of office 2 in its body, for the office's staff and supervisors.
    ForeignIdInOfficeBody,
    /// An office as such: its people see it, court staff and other offices do not.
    OwnOffice,
    /// Office 2's person named in a body: theirs to office 2's supervisor, missing to all else.
    ForeignPersonInBody,
    /// A supervisor's route with an id of office 2 in its body.
    ForeignIdInAdministerBody,
    /// A supervisor's route acting on their own office (adding a user).
    OwnOfficeAdminister,
}

impl Rule {
    /// The expectations of the eight first personas, then of the three beyond office 1.
    fn expected(self) -> [Expect; 11] {
        let [a, b, c, d, e, f, g, h] = self.in_office();
        let [i, j, k] = self.beyond_office();
        [a, b, c, d, e, f, g, h, i, j, k]
    }

    /// The administrator, office 2's supervisor and office 2's court's clerk: nothing of office
    /// 1 exists for them; each sees the pages everyone sees, and their own office's.
    fn beyond_office(self) -> [Expect; 3] {
        match self {
            Rule::SignedIn | Rule::Page => [Allowed, Allowed, Allowed],
            Rule::Upload => [UNKNOWN_IBAN, UNKNOWN_IBAN, UNKNOWN_IBAN],
            Rule::UploadPage => [RefusedInPage, RefusedInPage, RefusedInPage],
            Rule::AdministerPage | Rule::OfficePage | Rule::OwnOfficeAdminister => [HIDDEN, Allowed, HIDDEN],
            Rule::Instance => [Allowed, HIDDEN, HIDDEN],
            Rule::ForeignPersonInBody => [HIDDEN, Allowed, HIDDEN],
            _ => [HIDDEN, HIDDEN, HIDDEN],
        }
    }

    fn in_office(self) -> [Expect; 8] {
        match self {
            Rule::Read => [Allowed, Allowed, HIDDEN, Allowed, HIDDEN, FORBIDDEN, HIDDEN, SIGN_IN],
            Rule::ReadUnfiledEvidence => [Allowed, Allowed, HIDDEN, Allowed, HIDDEN, HIDDEN, HIDDEN, SIGN_IN],
            Rule::ReadFiled | Rule::PersonRead => [Allowed, Allowed, HIDDEN, Allowed, HIDDEN, Allowed, HIDDEN, SIGN_IN],
            Rule::Write => [Allowed, Allowed, HIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN, HIDDEN, SIGN_IN],
            Rule::Review => [
                FORBIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN, HIDDEN, Allowed, HIDDEN, SIGN_IN,
            ],
            Rule::OfficeRead | Rule::OfficeWrite => {
                [Allowed, Allowed, Allowed, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN]
            }
            Rule::OfficeAdminister | Rule::PersonWrite | Rule::OwnOfficeAdminister => {
                [Allowed, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN]
            }
            Rule::Instance => [HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN],
            Rule::ForeignIdInBody => [HIDDEN, HIDDEN, HIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN, HIDDEN, SIGN_IN],
            Rule::ForeignIdInOfficeBody | Rule::ForeignPersonInBody => {
                [HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN]
            }
            Rule::OwnOffice => [Allowed, Allowed, Allowed, Allowed, Allowed, HIDDEN, HIDDEN, SIGN_IN],
            Rule::ForeignIdInAdministerBody => [HIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN],
            Rule::SignedIn => [Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, SIGN_IN],
            Rule::OfficeWideRun => [Allowed, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN],
            Rule::BookRun => [Allowed, Allowed, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SIGN_IN],
            Rule::BookRunApprove => [
                Allowed, FORBIDDEN, HIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN, HIDDEN, SIGN_IN,
            ],
            Rule::Upload => [
                Allowed,
                Allowed,
                UNKNOWN_IBAN,
                UNKNOWN_IBAN,
                UNKNOWN_IBAN,
                UNKNOWN_IBAN,
                UNKNOWN_IBAN,
                SIGN_IN,
            ],
            Rule::AdministerPage => [
                Allowed,
                FORBIDDEN,
                FORBIDDEN,
                HIDDEN,
                HIDDEN,
                HIDDEN,
                HIDDEN,
                Status(303),
            ],
            Rule::ReadPage => [
                Allowed,
                Allowed,
                HIDDEN,
                Allowed,
                HIDDEN,
                FORBIDDEN,
                HIDDEN,
                Status(303),
            ],
            Rule::ReadFiledPage => [Allowed, Allowed, HIDDEN, Allowed, HIDDEN, Allowed, HIDDEN, Status(303)],
            Rule::WritePage => [
                Allowed,
                Allowed,
                HIDDEN,
                FORBIDDEN,
                HIDDEN,
                FORBIDDEN,
                HIDDEN,
                Status(303),
            ],
            Rule::UploadPage => [
                Allowed,
                Allowed,
                RefusedInPage,
                RefusedInPage,
                RefusedInPage,
                RefusedInPage,
                RefusedInPage,
                SIGN_IN,
            ],
            Rule::OfficePage => [Allowed, Allowed, Allowed, HIDDEN, HIDDEN, HIDDEN, HIDDEN, Status(303)],
            Rule::Page => [
                Allowed,
                Allowed,
                Allowed,
                Allowed,
                Allowed,
                Allowed,
                Allowed,
                Status(303),
            ],
        }
    }
}

/// Every (method, route) the router serves, read from `src/http` and its folders: one
/// `.route("…", get(…).post(…))` per line there.
fn served_routes() -> BTreeSet<(String, String)> {
    let routes = routes_in(&std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/http"
    )));
    assert!(routes.len() > 40, "the router's source was not found: {routes:?}");
    routes
}

/// The (method, route) pairs routed in the Rust files of `folder` and its subfolders.
fn routes_in(folder: &std::path::Path) -> BTreeSet<(String, String)> {
    let route = regex::Regex::new(r#"\.route\("([^"]+)",\s*(.*)$"#).unwrap();
    let method = regex::Regex::new(r"\b(get|post|put|patch|delete)\(").unwrap();
    let mut routes = BTreeSet::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for found in std::fs::read_dir(folder).unwrap() {
            let path = found.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            for line in std::fs::read_to_string(path).unwrap().lines() {
                if let Some(found) = route.captures(line) {
                    for verb in method.captures_iter(&found[2]) {
                        routes.insert((verb[1].to_uppercase(), found[1].to_owned()));
                    }
                }
            }
        }
    }
    routes
}

fn login(persona: Persona) -> Option<&'static str> {
    match persona {
        Persona::Supervisor => Some("supervisor"),
        Persona::Counsellor => Some("counsellor"),
        Persona::OtherCounsellor => Some("other-counsellor"),
        Persona::Beneficiary => Some("maria"),
        Persona::OtherBeneficiary => Some("jean-paul"),
        Persona::Court => Some("greffe-lux"),
        Persona::OtherCourt => Some("greffe-metz"),
        Persona::Anonymous => None,
        Persona::Administrator => Some("admin-instance"),
        Persona::OtherOfficeSupervisor => Some("supervisor2"),
        Persona::OtherOfficeCourt => Some("greffe-diekirch"),
    }
}

/// An answer that turned the persona away: not signed in, forbidden, hidden, an import refused as
/// for an unknown account, or a failure.
fn is_refusal(status: u16, detail: &str) -> bool {
    matches!(status, 401 | 403 | 500..)
        || (status == 404 && is_refusal_404(detail))
        || detail.contains("no book has a bank account with IBAN")
}

/// A 404 that the access rule gave (or that a missing record gave, which must look the same).
fn is_refusal_404(detail: &str) -> bool {
    const GUARDED: [&str; 15] = [
        "book ",
        "entry ",
        "filing ",
        "evidence ",
        "schedule ",
        "payment run ",
        "payment file ",
        "office ",
        "beneficiary ",
        "mandate ",
        "user ",
        "creditor ",
        "account ",
        "court ",
        "page ",
    ];
    detail.ends_with("does not exist") && GUARDED.iter().any(|what| detail.starts_with(what))
}

async fn ask(app: &TestApp, client: &reqwest::Client, csrf: &str, row: &Row) -> (u16, String) {
    let url = if row.page {
        app.url(&row.path)
    } else {
        app.url(&format!("/api/v1{}", row.path))
    };
    let request = match row.method {
        "GET" => client.get(url),
        "POST" => client.post(url),
        other => panic!("no {other} routes are in the matrix"),
    };
    let request = match &row.body {
        Body::None => request,
        Body::Json(value) => request.json(value),
        Body::Bytes(bytes) => request.body(bytes.clone()),
        Body::Multipart(file) => {
            let part = reqwest::multipart::Part::bytes(file.clone()).file_name("maria.xml");
            request.multipart(
                reqwest::multipart::Form::new()
                    .text("csrf", csrf.to_owned())
                    .part("files", part),
            )
        }
        Body::Form(fields) => {
            let mut fields: Vec<(&str, &str)> = fields.clone();
            fields.push(("csrf", csrf));
            request.form(&fields)
        }
    };
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    (status, crate::common::said(&text))
}

#[test]
fn the_openapi_document_describes_exactly_the_api_routes() {
    // Pages (everything routed in src/http/pages), signing in and out, and the health checks are
    // not part of the JSON API.
    let pages = routes_in(&std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/http/pages"
    )));
    let not_api = ["/sign-in", "/sign-out", "/healthz", "/readyz", "/openapi.json"];
    let api: BTreeSet<(String, String)> = served_routes()
        .into_iter()
        .filter(|route| !pages.contains(route) && !not_api.contains(&route.1.as_str()))
        .collect();
    let described: BTreeSet<(String, String)> = gestio::http::openapi::described().into_iter().collect();
    assert_eq!(
        described.len(),
        gestio::http::openapi::described().len(),
        "an operation is described twice"
    );
    let undescribed: Vec<_> = api.difference(&described).collect();
    let unserved: Vec<_> = described.difference(&api).collect();
    assert!(
        undescribed.is_empty() && unserved.is_empty(),
        "not in openapi.rs: {undescribed:?}; not served: {unserved:?}"
    );
    let document = gestio::http::openapi::document();
    for (method, path) in &described {
        let operation = &document["paths"][path][method.to_lowercase()];
        assert!(
            operation["summary"].is_string() && operation["responses"].is_object(),
            "{method} {path}: {operation}"
        );
    }
}

crate::backend_tests! {
    async fn the_openapi_document_is_served_without_signing_in(db) {
        let app = TestApp::spawn(&db).await;
        let response = reqwest::Client::new().get(app.url("/api/v1/openapi.json")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let document: Value = response.json().await.unwrap();
        assert_eq!(document["openapi"], "3.1.0");
        assert_eq!(document["components"]["securitySchemes"]["session"]["name"], "__Host-gestio-session");
        assert!(document["paths"]["/books/{id}/entries"]["post"]["security"][0]["csrf"].is_array());
    }

    async fn every_route_answers_every_persona_as_the_access_rule_says(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let rows = rows(&ids);

        let in_matrix: BTreeSet<(String, String)> = rows.iter().map(|row| (row.method.to_owned(), row.route.to_owned()))
            .chain(EXEMPT.iter().map(|(method, route)| ((*method).to_owned(), (*route).to_owned())))
            .collect();
        let missing: Vec<_> = served_routes().difference(&in_matrix).cloned().collect();
        assert!(missing.is_empty(), "routes without a row in the access matrix: {missing:?}");

        let mut clients = Vec::new();
        for persona in PERSONAS {
            let (client, csrf) = match login(persona) {
                Some(login) => {
                    let session = app.session(login, crate::common::PASSWORD).await.unwrap();
                    (session.client(), session.csrf_token)
                }
                None => (reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(), String::new()),
            };
            clients.push((persona, client, csrf));
        }
        let mut wrong = Vec::new();
        for row in &rows {
            for (index, (persona, client, csrf)) in clients.iter().enumerate() {
                let expected = row.rule.expected()[index];
                let (status, detail) = ask(&app, client, csrf, row).await;
                let fits = match expected {
                    Allowed => !is_refusal(status, &detail),
                    Status(404) => status == 404 && is_refusal_404(&detail),
                    RefusedInPage => status == 200 && detail.contains("no book has a bank account with IBAN"),
                    Status(422) => status == 422 && detail.contains("no book has a bank account with IBAN"),
                    Status(code) => status == code,
                };
                if !fits {
                    wrong.push(format!("{} {} as {persona:?}: {status} {detail:?}, expected {expected:?}", row.method, row.path));
                }
            }
        }
        assert!(wrong.is_empty(), "{} answers break the access rule:\n{}", wrong.len(), wrong.join("\n"));
    }

    async fn lists_show_only_what_the_caller_may_see(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let books_of = |body: &Value| -> Vec<i64> { body.as_array().unwrap().iter().map(|book| book["id"].as_i64().unwrap()).collect() };
        let get = |login: &'static str, path: &'static str| {
            let app = &app;
            async move {
                let client = app.client_of(login).await;
                let response = client.get(app.url(path)).send().await.unwrap();
                assert_eq!(response.status(), StatusCode::OK, "{login} {path}");
                response.json::<Value>().await.unwrap()
            }
        };
        assert_eq!(books_of(&get("maria", "/api/v1/books").await), vec![ids.book.get()]);
        assert_eq!(books_of(&get("counsellor", "/api/v1/books").await), vec![ids.book.get()]);
        assert_eq!(books_of(&get("supervisor", "/api/v1/books").await).len(), 6, "the demo office's six books");
        let lux_books = books_of(&get("greffe-lux", "/api/v1/books").await);
        assert!(lux_books.contains(&ids.book.get()) && lux_books.len() == 2, "Luxembourg's two measures: {lux_books:?}");
        let people = get("jean-paul", "/api/v1/beneficiaries").await;
        assert_eq!(people.as_array().unwrap().len(), 1, "{people}");
        assert_ne!(people[0]["id"].as_i64(), Some(ids.person));
        let mandates = get("maria", "/api/v1/mandates").await;
        assert!(mandates.as_array().unwrap().iter().all(|mandate| mandate["beneficiary_id"].as_i64() == Some(ids.person)));
        let page = app.client_of("counsellor").await.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Maria Fernandes") && !page.contains("Jean-Paul Schmit"), "the counsellor's caseload is theirs only");
    }
}
