//! The matrix's rows: every route, the ids it is asked about, the rule it follows and a body
//! that reads, so that what answers is the access rule and not the body's shape.

use gestio::domain::ids::{BookId, EntryId, OfficeId};
use serde_json::{Value, json};

use super::Rule;

/// Office 2, whose ids office 1's people may not know.
pub struct SecondOffice {
    pub book: BookId,
    /// Ana.
    pub person: i64,
    /// Ana's bank account.
    pub account: i64,
    /// A creditor of Ana's book.
    pub creditor: i64,
    /// Diekirch's court.
    pub court: i64,
}

/// The ids the routes are asked about: all of the target book, or of its office.
pub struct Ids {
    pub second: SecondOffice,
    pub office: OfficeId,
    pub book: BookId,
    pub person: i64,
    pub mandate: i64,
    pub entry: EntryId,
    pub filing: i64,
    /// A receipt of an entry after the filed period: the office's alone.
    pub evidence: i64,
    /// A receipt listed in the filed account: the court reads it too.
    pub filed_evidence: i64,
    pub schedule: i64,
    pub office_run: i64,
    pub book_run: i64,
    pub payment_file: i64,
    pub account_id: i64,
    pub creditor: i64,
    /// The user id of the book's counsellor.
    pub counsellor: i64,
}

/// A row of the matrix: method, route as the router names it, the path asked, the rule, a body.
pub struct Row {
    /// A page (served at the root) rather than an API route (under /api/v1).
    pub page: bool,
    pub method: &'static str,
    pub route: &'static str,
    pub path: String,
    pub rule: Rule,
    pub body: Body,
}

pub enum Body {
    None,
    Json(Value),
    Bytes(Vec<u8>),
    /// A page's file upload; the persona's CSRF token goes first.
    Multipart(Vec<u8>),
    /// A page's form; the persona's CSRF token is added as `csrf`.
    Form(Vec<(&'static str, &'static str)>),
}

/// Routes with their own tests instead of a row: signing in and out, health, the caseload page.
pub const EXEMPT: [(&str, &str); 9] = [
    ("GET", "/openapi.json"),
    ("GET", "/session"),
    ("POST", "/session"),
    ("DELETE", "/session"),
    ("GET", "/sign-in"),
    ("POST", "/sign-in"),
    ("POST", "/sign-out"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
];

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
const CAMT: &str = include_str!("../../../samples/camt/bcee-maria-fernandes-2026-01.camt053.xml");

pub fn rows(ids: &Ids) -> Vec<Row> {
    let Ids {
        office,
        book,
        person,
        mandate,
        entry,
        filing,
        evidence,
        filed_evidence,
        schedule,
        office_run,
        book_run,
        payment_file,
        account_id,
        creditor,
        counsellor,
        second,
    } = ids;
    let row = |method, route: &'static str, path: String, rule, body| Row {
        page: false,
        method,
        route,
        path,
        rule,
        body,
    };
    let page = |method, route: &'static str, path: String, rule, body| Row {
        page: true,
        method,
        route,
        path,
        rule,
        body,
    };
    let none = || Body::None;
    let book_text: &'static str = Box::leak(book.to_string().into_boxed_str());
    let creditor_text: &'static str = Box::leak(creditor.to_string().into_boxed_str());
    // The case page's form names a waiting line by its entry and posting.
    let waiting_line: &'static str = Box::leak(format!("{entry}:1").into_boxed_str());
    let waiting_target: &'static str = Box::leak(format!("target-{entry}-1").into_boxed_str());
    vec![
        row("GET", "/imports", format!("/imports?book={book}"), Rule::Read, none()),
        row(
            "POST",
            "/imports",
            "/imports?file_name=maria.xml".into(),
            Rule::Upload,
            Body::Bytes(CAMT.into()),
        ),
        row(
            "GET",
            "/books/{id}/lines",
            format!("/books/{book}/lines"),
            Rule::Read,
            none(),
        ),
        row(
            "GET",
            "/books/{id}/gaps",
            format!("/books/{book}/gaps"),
            Rule::Read,
            none(),
        ),
        row(
            "GET",
            "/books/{id}/suspense",
            format!("/books/{book}/suspense"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/suspense/{entry}/{line}",
            format!("/books/{book}/suspense/{entry}/1"),
            Rule::Write,
            Body::Json(json!({ "account_code": "expense.other" })),
        ),
        row(
            "GET",
            "/offices/{id}/rules",
            format!("/offices/{office}/rules"),
            Rule::OfficeRead,
            none(),
        ),
        row(
            "POST",
            "/offices/{id}/rules",
            format!("/offices/{office}/rules"),
            Rule::OfficeWrite,
            Body::Json(json!({ "name": "Loyer", "remittance_contains": "loyer", "category": "expense.housing" })),
        ),
        row("GET", "/books", "/books".into(), Rule::SignedIn, none()),
        row(
            "POST",
            "/books",
            "/books".into(),
            Rule::PersonWrite,
            Body::Json(json!({ "beneficiary_id": person, "currency": "EUR", "opened_on": "2026-01-01" })),
        ),
        row("GET", "/books/{id}", format!("/books/{book}"), Rule::Read, none()),
        row(
            "GET",
            "/books/{id}/accounts",
            format!("/books/{book}/accounts"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/accounts",
            format!("/books/{book}/accounts"),
            Rule::Write,
            Body::Json(json!({ "code": "6990", "name": "Divers", "category": "expense.other" })),
        ),
        row(
            "POST",
            "/books/{id}/accounts/{code}/closure",
            format!("/books/{book}/accounts/6990/closure"),
            Rule::Write,
            Body::Json(json!({})),
        ),
        row(
            "GET",
            "/books/{id}/entries",
            format!("/books/{book}/entries"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/entries",
            format!("/books/{book}/entries"),
            Rule::Write,
            Body::Json(json!({ "date": "2026-11-20", "description": "Nothing", "postings": [] })),
        ),
        row(
            "GET",
            "/books/{id}/balance",
            format!("/books/{book}/balance"),
            Rule::Read,
            none(),
        ),
        row(
            "GET",
            "/books/{id}/verification",
            format!("/books/{book}/verification"),
            Rule::Read,
            none(),
        ),
        row("GET", "/entries/{id}", format!("/entries/{entry}"), Rule::Read, none()),
        row(
            "POST",
            "/entries/{id}/reversal",
            format!("/entries/{entry}/reversal"),
            Rule::Write,
            Body::Json(json!({ "date": "2026-11-21" })),
        ),
        row("GET", "/offices", "/offices".into(), Rule::SignedIn, none()),
        row(
            "GET",
            "/offices/{id}",
            format!("/offices/{office}"),
            Rule::OwnOffice,
            none(),
        ),
        row("GET", "/beneficiaries", "/beneficiaries".into(), Rule::SignedIn, none()),
        row(
            "POST",
            "/beneficiaries",
            "/beneficiaries".into(),
            Rule::OfficeAdminister,
            Body::Json(json!({ "office_id": office, "name": "Nouvelle Personne", "language": "fr" })),
        ),
        row(
            "GET",
            "/beneficiaries/{id}",
            format!("/beneficiaries/{person}"),
            Rule::PersonRead,
            none(),
        ),
        row("GET", "/mandates", "/mandates".into(), Rule::SignedIn, none()),
        row(
            "POST",
            "/mandates",
            "/mandates".into(),
            Rule::PersonWrite,
            Body::Json(json!({ "beneficiary_id": person, "kind": "budget_agreement", "start": "2026-11-01" })),
        ),
        row(
            "GET",
            "/mandates/{id}",
            format!("/mandates/{mandate}"),
            Rule::PersonRead,
            none(),
        ),
        row(
            "POST",
            "/payment-runs",
            "/payment-runs".into(),
            Rule::OfficeAdminister,
            Body::Json(json!({ "office_id": office, "date": "2027-03-01" })),
        ),
        row(
            "POST",
            "/payment-runs",
            "/payment-runs".into(),
            Rule::BookRun,
            Body::Json(json!({ "office_id": office, "book_id": book, "date": "2027-04-01" })),
        ),
        row(
            "GET",
            "/payment-runs/{id}",
            format!("/payment-runs/{office_run}"),
            Rule::OfficeWideRun,
            none(),
        ),
        row(
            "GET",
            "/payment-runs/{id}",
            format!("/payment-runs/{book_run}"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/payment-runs/{id}/approval",
            format!("/payment-runs/{office_run}/approval"),
            Rule::OfficeWideRun,
            Body::Json(json!({})),
        ),
        row(
            "POST",
            "/payment-runs/{id}/approval",
            format!("/payment-runs/{book_run}/approval"),
            Rule::BookRunApprove,
            Body::Json(json!({})),
        ),
        row(
            "GET",
            "/payment-files/{id}",
            format!("/payment-files/{payment_file}"),
            Rule::OfficeWideRun,
            none(),
        ),
        row(
            "GET",
            "/payment-orders/late",
            "/payment-orders/late".into(),
            Rule::SignedIn,
            none(),
        ),
        row(
            "GET",
            "/offices/{id}/creditors",
            format!("/offices/{office}/creditors"),
            Rule::OfficeRead,
            none(),
        ),
        row(
            "POST",
            "/offices/{id}/creditors",
            format!("/offices/{office}/creditors"),
            Rule::OfficeWrite,
            Body::Json(json!({ "name": "Creos", "iban": "LU120010001234567891", "town": "Strassen", "country": "LU" })),
        ),
        row(
            "POST",
            "/offices/{id}/payment-settings",
            format!("/offices/{office}/payment-settings"),
            Rule::OfficeAdminister,
            Body::Json(json!({ "four_eyes": true })),
        ),
        row(
            "GET",
            "/books/{id}/schedules",
            format!("/books/{book}/schedules"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/schedules",
            format!("/books/{book}/schedules"),
            Rule::Write,
            Body::Json(
                json!({ "creditor_id": creditor, "amount": "10.00", "every": "monthly", "day": "5",
                "start": "2027-01-01", "category": "expense.other" }),
            ),
        ),
        row(
            "POST",
            "/books/{id}/incomes",
            format!("/books/{book}/incomes"),
            Rule::Write,
            Body::Json(
                json!({ "account_id": account_id, "name": "Pension", "amount": "10.00", "day": "1", "start": "2027-01-01" }),
            ),
        ),
        row(
            "GET",
            "/books/{id}/debts",
            format!("/books/{book}/debts"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/debts",
            format!("/books/{book}/debts"),
            Rule::Write,
            Body::Json(json!({ "creditor": "Banque", "amount": "10.00", "date": "2026-11-20" })),
        ),
        row(
            "GET",
            "/books/{id}/forecast",
            format!("/books/{book}/forecast"),
            Rule::Read,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/payment-settings",
            format!("/books/{book}/payment-settings"),
            Rule::Write,
            Body::Json(json!({ "reserve": "50.00" })),
        ),
        row(
            "POST",
            "/schedules/{id}/authorisation",
            format!("/schedules/{schedule}/authorisation"),
            Rule::Write,
            Body::Json(json!({ "reference": "JT 2026/5" })),
        ),
        row(
            "GET",
            "/books/{id}/account",
            format!("/books/{book}/account?from=2026-08-01&to=2026-08-31"),
            Rule::Read,
            none(),
        ),
        row(
            "GET",
            "/books/{id}/statement",
            format!("/books/{book}/statement?month=2026-10"),
            Rule::Read,
            none(),
        ),
        row(
            "GET",
            "/books/{id}/export",
            format!("/books/{book}/export"),
            Rule::Read,
            none(),
        ),
        row(
            "GET",
            "/books/{id}/filings",
            format!("/books/{book}/filings"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "POST",
            "/books/{id}/filings",
            format!("/books/{book}/filings"),
            Rule::Write,
            Body::Json(json!({ "from": "2026-07-01", "to": "2026-07-31" })),
        ),
        row(
            "GET",
            "/books/{id}/evidence",
            format!("/books/{book}/evidence"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "GET",
            "/filings/{id}",
            format!("/filings/{filing}"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "POST",
            "/filings/{id}/review",
            format!("/filings/{filing}/review"),
            Rule::Review,
            Body::Json(json!({ "verdict": "approved" })),
        ),
        row(
            "GET",
            "/filings/{id}/pdf",
            format!("/filings/{filing}/pdf"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "GET",
            "/filings/{id}/data",
            format!("/filings/{filing}/data"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "GET",
            "/filings/{id}/bundle",
            format!("/filings/{filing}/bundle"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "GET",
            "/evidence/{id}",
            format!("/evidence/{evidence}"),
            Rule::ReadUnfiledEvidence,
            none(),
        ),
        row(
            "GET",
            "/evidence/{id}",
            format!("/evidence/{filed_evidence}"),
            Rule::ReadFiled,
            none(),
        ),
        row(
            "POST",
            "/entries/{id}/evidence",
            format!("/entries/{entry}/evidence?file_name=recu.png"),
            Rule::Write,
            Body::Bytes(PNG.to_vec()),
        ),
        page("GET", "/", "/".into(), Rule::Page, none()),
        page(
            "GET",
            "/audit",
            "/audit?kind=denied".into(),
            Rule::AdministerPage,
            none(),
        ),
        page("GET", "/case/{id}", format!("/case/{book}"), Rule::ReadPage, none()),
        page(
            "GET",
            "/case/{id}/court",
            format!("/case/{book}/court"),
            Rule::ReadPage,
            none(),
        ),
        page(
            "GET",
            "/case/{id}/imports",
            format!("/case/{book}/imports"),
            Rule::ReadPage,
            none(),
        ),
        // An import no one made: who may write the book is told it does not exist; the undo
        // itself is tested in tests/integration/import_page.rs.
        page(
            "POST",
            "/case/{id}/imports/{import}/undo",
            format!("/case/{book}/imports/999999/undo"),
            Rule::Write,
            Body::Form(vec![("confirm", "yes")]),
        ),
        // A file waiting for its sender's decision is the sender's alone (import_page.rs).
        page(
            "POST",
            "/import/drafts/{id}",
            "/import/drafts/999999".into(),
            Rule::SignedIn,
            Body::Form(vec![("decision", "drop")]),
        ),
        page(
            "GET",
            "/case/{id}/rules",
            format!("/case/{book}/rules"),
            Rule::ReadPage,
            none(),
        ),
        page(
            "GET",
            "/case/{id}/entries/new",
            format!("/case/{book}/entries/new"),
            Rule::WritePage,
            none(),
        ),
        page(
            "POST",
            "/case/{id}/entries",
            format!("/case/{book}/entries"),
            Rule::Write,
            Body::Form(vec![
                ("date", "2026-11-20"),
                ("description", "Argent de poche remis"),
                ("amount", "20"),
                ("from", "1000"),
                ("to", "6400"),
            ]),
        ),
        // A rule no one made: who may write the book is told it does not exist; the rules page
        // itself is tested in tests/integration/rules_page.rs.
        page(
            "POST",
            "/case/{id}/rules/{rule}",
            format!("/case/{book}/rules/999999"),
            Rule::Write,
            Body::Form(vec![("action", "off")]),
        ),
        page("GET", "/import", "/import".into(), Rule::Page, none()),
        page("GET", "/payments", "/payments".into(), Rule::OfficePage, none()),
        page(
            "GET",
            "/admin/users",
            "/admin/users".into(),
            Rule::AdministerPage,
            none(),
        ),
        page(
            "POST",
            "/admin/users",
            "/admin/users".into(),
            Rule::OwnOfficeAdminister,
            Body::Form(vec![
                ("login", "nouvelle.conseillere"),
                ("name", "Nouvelle"),
                ("role", "counsellor"),
                ("password", "a long enough passphrase"),
            ]),
        ),
        page(
            "POST",
            "/admin/users/{id}/assignments",
            format!("/admin/users/{counsellor}/assignments"),
            Rule::OfficeAdminister,
            Body::Form(vec![("book", book_text)]),
        ),
        page(
            "POST",
            "/admin/users/{id}/disabled",
            format!("/admin/users/{counsellor}/disabled"),
            Rule::OfficeAdminister,
            Body::Form(vec![("disabled", "false")]),
        ),
        page(
            "POST",
            "/payments/runs",
            "/payments/runs".into(),
            Rule::Write,
            Body::Form(vec![("date", "2027-05-03"), ("book", book_text)]),
        ),
        page(
            "GET",
            "/payments/runs/{id}",
            format!("/payments/runs/{book_run}"),
            Rule::ReadPage,
            none(),
        ),
        page(
            "POST",
            "/payments/runs/{id}/approval",
            format!("/payments/runs/{book_run}/approval"),
            Rule::BookRunApprove,
            Body::Form(vec![]),
        ),
        // Without the confirmation ticked: the run stays for the rows after this one.
        page(
            "POST",
            "/payments/runs/{id}/cancellation",
            format!("/payments/runs/{book_run}/cancellation"),
            Rule::Write,
            Body::Form(vec![]),
        ),
        page(
            "POST",
            "/import",
            "/import".into(),
            Rule::UploadPage,
            Body::Multipart(CAMT.into()),
        ),
        page(
            "POST",
            "/case/{id}/suspense",
            format!("/case/{book}/suspense"),
            Rule::Write,
            Body::Form(vec![("only", waiting_line), (waiting_target, "6990")]),
        ),
        page(
            "POST",
            "/case/{id}/filings",
            format!("/case/{book}/filings"),
            Rule::Write,
            Body::Form(vec![("from", "2026-08-01"), ("to", "2026-08-31")]),
        ),
        page("GET", "/profile", "/profile".into(), Rule::Page, none()),
        page(
            "POST",
            "/profile/language",
            "/profile/language".into(),
            Rule::SignedIn,
            Body::Form(vec![("language", "de")]),
        ),
        page(
            "POST",
            "/profile/password",
            "/profile/password".into(),
            Rule::SignedIn,
            Body::Form(vec![
                ("current", "wrong"),
                ("new", "a new long passphrase"),
                ("repeated", "a new long passphrase"),
            ]),
        ),
        page(
            "GET",
            "/case/{id}/payments",
            format!("/case/{book}/payments"),
            Rule::ReadPage,
            none(),
        ),
        page(
            "POST",
            "/case/{id}/creditors",
            format!("/case/{book}/creditors"),
            Rule::Write,
            Body::Form(vec![
                ("name", "Creos Luxembourg"),
                ("iban", "LU28 0019 4006 4475 0000"),
                ("town", "Strassen"),
                ("country", "LU"),
            ]),
        ),
        page(
            "POST",
            "/case/{id}/schedules",
            format!("/case/{book}/schedules"),
            Rule::Write,
            Body::Form(vec![
                ("creditor", creditor_text),
                ("amount", "45.00"),
                ("every", "monthly"),
                ("day", "5"),
                ("start", "2026-12-01"),
            ]),
        ),
        page(
            "POST",
            "/case/{id}/debts",
            format!("/case/{book}/debts"),
            Rule::Write,
            Body::Form(vec![
                ("creditor", "Cetrel"),
                ("amount", "120.00"),
                ("date", "2026-11-20"),
            ]),
        ),
        page(
            "GET",
            "/case/{id}/entries/{entry}",
            format!("/case/{book}/entries/{entry}"),
            Rule::ReadPage,
            none(),
        ),
        page(
            "POST",
            "/case/{id}/entries/{entry}/evidence",
            format!("/case/{book}/entries/{entry}/evidence"),
            Rule::Write,
            Body::Multipart(PNG.to_vec()),
        ),
        page(
            "POST",
            "/case/{id}/entries/{entry}/reversal",
            format!("/case/{book}/entries/{entry}/reversal"),
            Rule::Write,
            Body::Form(vec![("date", "2026-11-21"), ("reason", "wrong account")]),
        ),
        page(
            "POST",
            "/court/filings/{id}/review",
            format!("/court/filings/{filing}/review"),
            Rule::Review,
            Body::Form(vec![("verdict", "approved"), ("confirm", "yes")]),
        ),
        row("GET", "/courts", "/courts".into(), Rule::SignedIn, none()),
        page(
            "POST",
            "/courts",
            "/courts".into(),
            Rule::Instance,
            Body::Form(vec![("name", "Justice de paix de Diekirch"), ("jurisdiction", "lu")]),
        ),
        page(
            "POST",
            "/courts/{id}/staff",
            format!("/courts/{}/staff", second.court),
            Rule::Instance,
            Body::Form(vec![
                ("login", "greffe-nouveau"),
                ("name", "Greffe"),
                ("password", "a long enough passphrase for a clerk"),
            ]),
        ),
        // Ids of office 2 in the bodies of office 1's write routes: answered as missing, unnamed.
        row(
            "POST",
            "/books/{id}/schedules",
            format!("/books/{book}/schedules"),
            Rule::ForeignIdInBody,
            Body::Json(
                json!({ "creditor_id": second.creditor, "amount": "10.00", "every": "monthly", "day": "5",
                "start": "2027-01-01" }),
            ),
        ),
        row(
            "POST",
            "/books/{id}/schedules",
            format!("/books/{book}/schedules"),
            Rule::ForeignIdInBody,
            Body::Json(
                json!({ "creditor_id": creditor, "amount": "10.00", "every": "monthly", "day": "5",
                "start": "2027-01-01", "category": "expense.other", "from_account": second.account }),
            ),
        ),
        row(
            "POST",
            "/books/{id}/incomes",
            format!("/books/{book}/incomes"),
            Rule::ForeignIdInBody,
            Body::Json(
                json!({ "account_id": second.account, "name": "Pension", "amount": "10.00", "day": "1",
                "start": "2027-01-01" }),
            ),
        ),
        row(
            "POST",
            "/offices/{id}/creditors",
            format!("/offices/{office}/creditors"),
            Rule::ForeignIdInOfficeBody,
            Body::Json(
                json!({ "book_id": second.book, "name": "Creos", "iban": "LU120010001234567891",
                "town": "Strassen", "country": "LU" }),
            ),
        ),
        row(
            "POST",
            "/payment-runs",
            "/payment-runs".into(),
            Rule::ForeignIdInOfficeBody,
            Body::Json(json!({ "office_id": office, "book_id": second.book, "date": "2027-04-01" })),
        ),
        row(
            "POST",
            "/books",
            "/books".into(),
            Rule::ForeignPersonInBody,
            Body::Json(json!({ "beneficiary_id": second.person, "currency": "EUR", "opened_on": "2026-01-01" })),
        ),
        page(
            "POST",
            "/admin/users/{id}/assignments",
            format!("/admin/users/{counsellor}/assignments"),
            Rule::ForeignIdInAdministerBody,
            Body::Form(vec![("book", Box::leak(second.book.to_string().into_boxed_str()))]),
        ),
        page(
            "POST",
            "/case/{id}/schedules",
            format!("/case/{book}/schedules"),
            Rule::ForeignIdInBody,
            Body::Form(vec![
                ("creditor", Box::leak(second.creditor.to_string().into_boxed_str())),
                ("amount", "45.00"),
                ("every", "monthly"),
                ("day", "5"),
                ("start", "2026-12-01"),
            ]),
        ),
        // Last: the supervisor's withdrawal takes the book from its counsellor for every row after.
        page(
            "POST",
            "/admin/users/{id}/withdrawals",
            format!("/admin/users/{counsellor}/withdrawals"),
            Rule::OfficeAdminister,
            Body::Form(vec![("book", book_text)]),
        ),
    ]
}
