//! Server-rendered pages (askama), working without JavaScript, in the user's language. `/` shows
//! each role its own start: the caseload to office staff, the portal to a beneficiary, the filed
//! accounts to court staff. Without a session, pages send the browser to the sign-in page.

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};

use super::AppState;
use super::auth::PageViewer;
use super::error::ApiError;
use super::language::page_language;
use crate::domain::access::Role;
use crate::domain::filing::{Review, Verdict};
use crate::domain::party::Language;
use crate::render::locale::Locale;

mod admin;
mod audit;
mod case;
mod case_entries;
mod case_imports;
mod case_payments;
mod case_rules;
mod caseload;
mod court;
mod court_filing;
mod court_panel;
mod courts;
mod entry;
mod import;
mod import_choices;
mod import_draft;
mod import_outcome;
mod new_entry;
mod payments;
mod portal;
mod profile;
mod schedule_state;
mod settings;
mod statement_page;
mod upload;
mod waiting_lines;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(start_page))
        .route("/court/filings/{id}", get(court_filing::filing_page))
        .route("/court/filings/{id}/review", post(court::review))
        .route("/courts", post(courts::add_court))
        .route("/courts/{id}/staff", post(courts::add_staff))
        .route("/audit", get(audit::audit_page))
        .route("/statements/{book}/{month}", get(statement_page::statement_page))
        .route("/profile", get(profile::profile_page))
        .route("/profile/language", post(profile::choose_language))
        .route("/profile/password", post(profile::change_password))
        .route(
            "/import",
            get(import::import_page)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(import::UPLOAD_BYTES_MAX)),
        )
        .route("/import/drafts/{id}", post(import_draft::decide))
        .route("/admin/settings", get(settings::settings_page))
        .route("/admin/settings/four-eyes", post(settings::change_four_eyes))
        .route("/admin/settings/books/{id}", post(settings::change_case))
        .route("/admin/users", get(admin::users_page).post(admin::add))
        .route("/admin/users/{id}/assignments", post(admin::assign))
        .route("/admin/users/{id}/withdrawals", post(admin::withdraw))
        .route("/admin/users/{id}/disabled", post(admin::set_disabled))
        .route("/admin/users/{id}/password", post(admin::reset_password))
        .route("/payments", get(payments::payments_page))
        .route("/payments/runs", post(payments::prepare))
        .route("/payments/runs/{id}", get(payments::run_page))
        .route("/payments/runs/{id}/approval", post(payments::approve))
        .route("/payments/runs/{id}/cancellation", post(payments::cancel))
        .route("/case/{id}", get(case::case_page))
        .route("/case/{id}/suspense", post(waiting_lines::categorise_lines))
        .route("/case/{id}/court", get(court_panel::panel_page))
        .route("/case/{id}/imports", get(case_imports::imports_page))
        .route("/case/{id}/rules", get(case_rules::rules_page))
        .route("/case/{id}/rules/{rule}", post(case_rules::act))
        .route("/case/{id}/imports/{import}/undo", post(case_imports::undo))
        .route("/case/{id}/filings", post(court_panel::file))
        .route("/case/{id}/payments", get(case_payments::payments_page))
        .route("/case/{id}/creditors", post(case_payments::add_creditor))
        .route("/case/{id}/schedules", post(case_payments::add_schedule))
        .route(
            "/case/{id}/schedules/{schedule}/state",
            post(schedule_state::change_state),
        )
        .route("/case/{id}/debts", post(case_payments::add_debt))
        .route("/case/{id}/entries", post(new_entry::post))
        .route("/case/{id}/entries/new", get(new_entry::new_entry_page))
        .route("/case/{id}/entries/{entry}", get(entry::entry_page))
        .route(
            "/case/{id}/entries/{entry}/evidence",
            post(entry::attach).layer(entry::upload_limit()),
        )
        .route("/case/{id}/entries/{entry}/reversal", post(entry::reverse))
}

/// (book id, beneficiary's name) of the office's books, those in `only` when given: two reads,
/// whatever the number of books.
async fn named_books(
    tx: &mut crate::storage::Tx,
    office: crate::domain::ids::OfficeId,
    only: Option<&[crate::domain::ids::BookId]>,
) -> Result<Vec<(i64, String)>, crate::storage::StoreError> {
    let books = tx.books(Some(office)).await?;
    let people = tx.beneficiaries_among(Some(office), None).await?;
    Ok(books
        .iter()
        .filter(|book| only.is_none_or(|only| only.contains(&book.id)))
        .map(|book| {
            let name = people
                .iter()
                .find(|person| person.id == book.beneficiary_id)
                .map(|person| person.name.clone())
                .unwrap_or_default();
            (book.id.get(), name)
        })
        .collect())
}

/// Labels in the page's language, for templates: `{{ t.get("web-login") }}`.
pub struct Labels {
    locale: Locale,
}

impl Labels {
    pub fn new(language: Language) -> Labels {
        Labels {
            locale: Locale::new(language),
        }
    }

    pub fn get(&self, key: &str) -> String {
        self.locale.label(key)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// The court's review of a filed account, in words: none yet, approved, or the remarks.
    pub fn review(&self, review: Option<&Review>) -> String {
        match review {
            None => self.get("web-review-none"),
            Some(review) if review.verdict == Verdict::Approved => self.get("web-review-approved"),
            Some(review) => format!(
                "{}: {}",
                self.get("web-review-remarks"),
                review.remarks.clone().unwrap_or_default()
            ),
        }
    }

    /// A refusal in the page's language where it has words for it (a password too easy to
    /// guess), else as the service said it.
    pub fn refusal(&self, error: &crate::service::ServiceError) -> String {
        use crate::domain::user::UserError;
        match error {
            crate::service::ServiceError::User(UserError::TooEasyToGuess(weakness)) => {
                let reason = self.get(&format!("password-weak-{}", weakness.code()));
                self.locale.label_with("password-weak", &[("reason", reason)])
            }
            other => other.to_string(),
        }
    }

    /// A period as "from – to", in the page's date format.
    pub fn period(&self, period: &crate::domain::report::Period) -> String {
        format!("{} – {}", self.locale.date(period.from), self.locale.date(period.to))
    }
}

/// What every page's frame shows: the language, who is signed in with the sign-out form, and
/// the menu of their role.
pub struct Chrome {
    pub t: Labels,
    pub user_name: Option<String>,
    pub csrf: String,
    /// (address, label) of each page the role works in, in the header of every page.
    pub menu: Vec<(&'static str, String)>,
}

/// The pages each role works in, with their label keys: a persistent menu.
fn menu_of(role: Role) -> &'static [(&'static str, &'static str)] {
    match role {
        Role::Counsellor => &[
            ("/", "web-caseload"),
            ("/import", "web-import"),
            ("/payments", "web-payments"),
        ],
        Role::Supervisor => &[
            ("/", "web-caseload"),
            ("/import", "web-import"),
            ("/payments", "web-payments"),
            ("/admin/users", "web-admin-users"),
            ("/admin/settings", "web-settings"),
            ("/audit", "web-audit"),
        ],
        Role::Beneficiary => &[("/", "web-menu-my-money")],
        Role::Court => &[("/", "web-menu-filed-accounts")],
        Role::Administrator => &[("/", "web-menu-courts")],
    }
}

impl Chrome {
    pub fn anonymous(headers: &HeaderMap) -> Chrome {
        Chrome {
            t: Labels::new(page_language(None, headers)),
            user_name: None,
            csrf: String::new(),
            menu: Vec::new(),
        }
    }

    /// The frame in the user's language: their profile's, else the browser's.
    pub fn of(caller: &super::auth::Caller, headers: &HeaderMap) -> Chrome {
        Chrome::in_language(caller, caller.signed_in.user.language, headers)
    }

    fn in_language(caller: &super::auth::Caller, profile: Option<Language>, headers: &HeaderMap) -> Chrome {
        Chrome::signed_in(&caller.signed_in, profile, headers)
    }

    /// The frame of a signed-in user, in `profile`'s language (else the browser's).
    pub fn signed_in(
        signed_in: &crate::service::sessions::SignedIn,
        profile: Option<Language>,
        headers: &HeaderMap,
    ) -> Chrome {
        let t = Labels::new(page_language(profile, headers));
        let menu = menu_of(signed_in.user.role)
            .iter()
            .map(|(address, key)| (*address, t.get(key)))
            .collect();
        Chrome {
            t,
            user_name: Some(signed_in.user.display_name.clone()),
            csrf: signed_in.csrf_token.clone(),
            menu,
        }
    }
}

async fn start_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    super::extract::QueryParams(court_query): super::extract::QueryParams<court::CourtQuery>,
) -> Result<Response, ApiError> {
    let mut profile = caller.signed_in.user.language;
    if let (None, Some(person)) = (profile, caller.signed_in.user.beneficiary) {
        // A beneficiary reads in the language their case is kept in, whatever the browser says.
        profile = Some(state.store.begin_read().await?.beneficiary(person).await?.language);
    }
    let chrome = Chrome::in_language(&caller, profile, &headers);
    match caller.role() {
        Role::Supervisor | Role::Counsellor => caseload::page(&caller, &state, chrome).await,
        Role::Beneficiary => portal::page(&caller, &state, chrome).await,
        Role::Court => court::page(&caller, &state, chrome, court_query).await,
        Role::Administrator => courts::page(&caller, &state, chrome).await,
    }
}
