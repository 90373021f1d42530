//! The OpenAPI 3.1 document of the JSON API, served at `/api/v1/openapi.json`. It is built from
//! the table below; a test checks that the table and the router name the same routes, so the
//! document cannot drift from what is served.

use axum::Router;
use axum::routing::get;
use serde_json::{Map, Value, json};

use super::AppState;
use super::auth::{CSRF_HEADER, SESSION_COOKIE};

/// How an operation takes its input.
#[derive(Clone, Copy)]
enum Input {
    None,
    Json,
    /// The raw bytes of a file (a bank statement, evidence).
    File,
}

/// (method, path under /api/v1, tag, summary, input, success status)
type Operation = (&'static str, &'static str, &'static str, &'static str, Input, u16);

// One operation a line reads as a table; rustfmt would spread each over seven.
#[rustfmt::skip]
const OPERATIONS: &[Operation] = &[
    ("post", "/session", "session", "Sign in with login and password; sets the session cookie", Input::Json, 200),
    ("get", "/session", "session", "Who is signed in, and the CSRF token to send on changes", Input::None, 200),
    ("delete", "/session", "session", "Sign out", Input::None, 204),
    ("get", "/offices", "parties", "The caller's office", Input::None, 200),
    ("get", "/offices/{id}", "parties", "An office (the caller's own)", Input::None, 200),
    ("get", "/courts", "parties", "Every court, with the id a court measure names", Input::None, 200),
    ("get", "/beneficiaries", "parties", "The people the caller may see", Input::None, 200),
    ("post", "/beneficiaries", "parties", "Open a case: a new beneficiary (supervisors)", Input::Json, 201),
    ("get", "/beneficiaries/{id}", "parties", "A beneficiary", Input::None, 200),
    ("get", "/mandates", "parties", "The mandates of the people the caller may see", Input::None, 200),
    ("post", "/mandates", "parties", "Record a mandate (supervisors)", Input::Json, 201),
    ("get", "/mandates/{id}", "parties", "A mandate", Input::None, 200),
    ("get", "/books", "ledger", "The books the caller may see", Input::None, 200),
    ("post", "/books", "ledger", "Open a book with its opening inventory (supervisors)", Input::Json, 201),
    ("get", "/books/{id}", "ledger", "A book and its accounts", Input::None, 200),
    ("get", "/books/{id}/accounts", "ledger", "A book's accounts", Input::None, 200),
    ("post", "/books/{id}/accounts", "ledger", "Add an account", Input::Json, 201),
    ("post", "/books/{id}/accounts/{code}/closure", "ledger", "Close an account", Input::Json, 200),
    ("get", "/books/{id}/entries", "ledger", "Entries, by date range and page", Input::None, 200),
    ("post", "/books/{id}/entries", "ledger", "Post an entry", Input::Json, 201),
    ("get", "/books/{id}/balance", "ledger", "The trial balance, at a date", Input::None, 200),
    ("get", "/books/{id}/verification", "ledger", "Check the hash chain and balances", Input::None, 200),
    ("get", "/entries/{id}", "ledger", "An entry", Input::None, 200),
    ("post", "/entries/{id}/reversal", "ledger", "Reverse an entry", Input::Json, 201),
    ("post", "/imports", "import", "Import a bank statement file (camt.05x or CSV)", Input::File, 201),
    ("get", "/imports", "import", "A book's imports", Input::None, 200),
    ("get", "/books/{id}/lines", "import", "Statement lines, by status", Input::None, 200),
    ("get", "/books/{id}/gaps", "import", "Open continuity gaps", Input::None, 200),
    ("get", "/books/{id}/suspense", "import", "Lines waiting to be categorised", Input::None, 200),
    ("post", "/books/{id}/suspense/{entry}/{line}", "import", "Categorise a line", Input::Json, 201),
    ("get", "/offices/{id}/rules", "import", "Categorisation rules", Input::None, 200),
    ("post", "/offices/{id}/rules", "import", "Add a categorisation rule", Input::Json, 201),
    ("get", "/offices/{id}/creditors", "payments", "Creditors", Input::None, 200),
    ("post", "/offices/{id}/creditors", "payments", "Add a creditor", Input::Json, 201),
    ("post", "/offices/{id}/payment-settings", "payments", "Four eyes, priority order", Input::Json, 204),
    ("get", "/books/{id}/schedules", "payments", "Payment schedules", Input::None, 200),
    ("post", "/books/{id}/schedules", "payments", "Add a schedule", Input::Json, 201),
    ("post", "/books/{id}/incomes", "payments", "Add an expected income", Input::Json, 201),
    ("get", "/books/{id}/debts", "payments", "Debts and their repayment", Input::None, 200),
    ("post", "/books/{id}/debts", "payments", "Record a debt", Input::Json, 201),
    ("get", "/books/{id}/forecast", "payments", "Day-by-day forecast of the money", Input::None, 200),
    ("post", "/books/{id}/payment-settings", "payments", "Reserve and overdraft", Input::Json, 204),
    ("post", "/schedules/{id}/authorisation", "payments", "Record the judge's authorisation", Input::Json, 204),
    ("post", "/payment-runs", "payments", "Prepare a payment run", Input::Json, 201),
    ("get", "/payment-runs/{id}", "payments", "A payment run, its orders, holds and files", Input::None, 200),
    ("post", "/payment-runs/{id}/approval", "payments", "Approve a run (supervisors)", Input::Json, 200),
    ("get", "/payment-files/{id}", "payments", "A pain.001 file, as stored", Input::None, 200),
    ("get", "/payment-orders/late", "payments", "Orders the bank has not shown", Input::None, 200),
    ("get", "/books/{id}/account", "reports", "The periodic account (json, html, pdf, csv, xlsx)", Input::None, 200),
    ("get", "/books/{id}/statement", "reports", "The beneficiary's monthly statement", Input::None, 200),
    ("get", "/books/{id}/export", "reports", "The book as an hledger or beancount journal", Input::None, 200),
    ("get", "/books/{id}/filings", "reports", "Filed accounts", Input::None, 200),
    ("post", "/books/{id}/filings", "reports", "File an account and lock its period", Input::Json, 201),
    ("get", "/books/{id}/evidence", "reports", "Evidence files of a book", Input::None, 200),
    ("get", "/filings/{id}", "reports", "A filed account", Input::None, 200),
    ("post", "/filings/{id}/review", "reports", "Record the court's review (court staff)", Input::Json, 200),
    ("get", "/filings/{id}/pdf", "reports", "The filed PDF, checked against its hash", Input::None, 200),
    ("get", "/filings/{id}/data", "reports", "The filed data (JSON), checked against its hash", Input::None, 200),
    ("get", "/filings/{id}/bundle", "reports", "PDF, data and evidence as one zip", Input::None, 200),
    ("post", "/entries/{id}/evidence", "reports", "Attach a receipt (PDF, JPEG, PNG)", Input::File, 201),
    ("get", "/evidence/{id}", "reports", "An evidence file", Input::None, 200),
];

pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(|| async { axum::Json(document()) }))
}

/// The (method, path) pairs the document describes, for the test that compares it with the router.
pub fn described() -> Vec<(String, String)> {
    OPERATIONS
        .iter()
        .map(|(method, path, ..)| (method.to_uppercase(), (*path).to_owned()))
        .collect()
}

pub fn document() -> Value {
    let mut paths = Map::new();
    for &(method, path, tag, summary, input, status) in OPERATIONS {
        let entry = paths.entry(path).or_insert_with(|| json!({}));
        entry[method] = operation(method, path, tag, summary, input, status);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "gestio",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Budget management and guardianship accounting. Amounts are decimal strings, never numbers; \
                errors are application/problem+json. A book the caller may not see answers 404."
        },
        "servers": [{ "url": "/api/v1" }],
        "security": [{ "session": [] }],
        "components": {
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": SESSION_COOKIE },
                "csrf": { "type": "apiKey", "in": "header", "name": CSRF_HEADER,
                    "description": "The session's CSRF token, required on every request that changes things." }
            },
            "schemas": {
                "Problem": {
                    "type": "object",
                    "properties": {
                        "type": { "type": "string" }, "title": { "type": "string" },
                        "status": { "type": "integer" }, "detail": { "type": "string" }
                    }
                }
            }
        },
        "paths": paths
    })
}

fn operation(method: &str, path: &str, tag: &str, summary: &str, input: Input, status: u16) -> Value {
    let parameters: Vec<Value> = path
        .split('/')
        .filter_map(|part| part.strip_prefix('{').and_then(|part| part.strip_suffix('}')))
        .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
        .collect();
    let problem =
        json!({ "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } });
    let mut responses = Map::new();
    responses.insert(status.to_string(), json!({ "description": "done" }));
    for (code, meaning) in [
        ("400", "the request could not be read"),
        ("401", "not signed in"),
        ("403", "not allowed, or the CSRF token is missing"),
        ("404", "no such record, or one the caller may not see"),
        ("422", "the request breaks a rule; the detail names it"),
    ] {
        let mut answer = problem.clone();
        answer["description"] = json!(meaning);
        responses.insert(code.to_owned(), answer);
    }
    let mut operation = json!({ "tags": [tag], "summary": summary, "parameters": parameters, "responses": responses });
    match input {
        Input::None => {}
        Input::Json => {
            operation["requestBody"] = json!({ "content": { "application/json": { "schema": { "type": "object" } } } })
        }
        Input::File => {
            operation["requestBody"] = json!({ "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } })
        }
    }
    if path == "/session" && method == "post" {
        operation["security"] = json!([]);
    } else if method != "get" {
        operation["security"] = json!([{ "session": [], "csrf": [] }]);
    }
    operation
}
