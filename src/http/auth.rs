//! Who is calling, and whether they may (DESIGN §8). Every route that touches a book goes through
//! [`Caller::book`], every office-level route through [`Caller::office`]; both ask the one rule in
//! `domain::access`. A book the caller may not know about answers exactly as a book that does not
//! exist. The audit middleware writes one record per request, with the user, the book and whether
//! the rule refused.

use std::sync::{Arc, Mutex};

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::AppState;
use super::client_address::client_address;
use super::error::ApiError;
use crate::domain::access::{Action, Decision, Role, decide_office};
use crate::domain::anonymous::audited_route;
use crate::domain::audit::{AuditKind, AuditRecord};
use crate::domain::ids::{BeneficiaryId, BookId, EvidenceId, OfficeId, RecordId};
use crate::service::sessions::{self, SignedIn};
use crate::storage::{RunRecord, StoreError};

/// The session cookie. `__Host-` makes browsers refuse it unless it is Secure, has no Domain and
/// has Path=/, so no other site or sub-domain can set or read it. Browsers treat localhost as
/// secure, so it also works for a service on 127.0.0.1 without TLS.
pub const SESSION_COOKIE: &str = "__Host-gestio-session";
/// The header an API client sends the session's CSRF token in, on every request that changes things.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// What the audit middleware learns while a request is handled.
#[derive(Debug, Default)]
struct AuditFacts {
    user: Option<i64>,
    book: Option<BookId>,
    refused: bool,
}

#[derive(Clone, Default)]
struct AuditSlot(Arc<Mutex<AuditFacts>>);

impl AuditSlot {
    fn update(&self, change: impl FnOnce(&mut AuditFacts)) {
        change(&mut self.0.lock().expect("BUG: an audit slot was poisoned"));
    }
}

/// Writes one audit record per request: who, which route (ids only, cut to 512 bytes), which
/// book, refused or not, and the status. If the record cannot be written the answer is withheld:
/// a read that is not recorded must not happen. A request without a session is counted and
/// recorded at most once per address and minute (see `domain::anonymous`).
pub async fn audit_requests(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let slot = AuditSlot::default();
    request.extensions_mut().insert(slot.clone());
    let changes = !is_safe(request.method());
    let route = audited_route(&format!("{} {}", request.method(), request.uri().path())).to_owned();
    let address = client_address(request.extensions(), request.headers(), &state.trusted_proxies);
    let response = next.run(request).await;
    let facts = std::mem::take(&mut *slot.0.lock().expect("BUG: an audit slot was poisoned"));
    let now = chrono::Utc::now();
    if facts.user.is_none() && !state.anonymous_refusal_is_stored(&address, now) {
        return response;
    }
    // Everything audited needs a session: without one, the request was turned away.
    let refused = facts.refused || facts.user.is_none();
    let record = AuditRecord {
        at: now,
        user: facts.user,
        kind: AuditKind::of_request(changes, refused),
        route,
        book: facts.book,
        status: response.status().as_u16(),
    };
    match state.audit.record(record).await {
        Ok(()) => response,
        Err(error) => ApiError::Internal(format!("the audit record could not be written: {error}")).into_response(),
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A signed-in caller. Extracting it answers 401 when there is no live session, and, on a request
/// that changes things, 403 unless the session's CSRF token came in the `x-csrf-token` header
/// (pages post theirs in a form field, checked by [`Caller::check_form_token`]).
#[derive(Clone)]
pub struct Caller {
    pub signed_in: SignedIn,
    slot: AuditSlot,
}

/// A caller whose CSRF token is checked by the page handler from its form, not from a header.
pub struct PageCaller(pub Caller);

/// A caller looking at a page: without a session the browser is sent to sign in; any other
/// failure (the database) is an error, never a sign-in page.
pub struct PageViewer(pub Caller);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = signed_in(parts, state).await?;
        if !is_safe(&parts.method) {
            let sent = parts.headers.get(CSRF_HEADER).and_then(|value| value.to_str().ok());
            if !sent.is_some_and(|sent| tokens_match(sent, &caller.signed_in.csrf_token)) {
                caller.slot.update(|facts| facts.refused = true);
                return Err(ApiError::Forbidden(format!(
                    "a request that changes things must carry the session's CSRF token in the {CSRF_HEADER} header"
                )));
            }
        }
        Ok(caller)
    }
}

impl FromRequestParts<AppState> for PageCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        signed_in(parts, state).await.map(PageCaller)
    }
}

impl FromRequestParts<AppState> for PageViewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match signed_in(parts, state).await {
            Ok(caller) => Ok(PageViewer(caller)),
            Err(ApiError::Unauthorized(_)) => Err(Redirect::to("/sign-in").into_response()),
            Err(error) => Err(error.into_response()),
        }
    }
}

async fn signed_in(parts: &Parts, state: &AppState) -> Result<Caller, ApiError> {
    let slot = parts.extensions.get::<AuditSlot>().cloned().unwrap_or_default();
    let token = session_token(&parts.headers).ok_or_else(not_signed_in)?;
    let signed_in = sessions::session(&state.store, &state.sessions, token, chrono::Utc::now())
        .await?
        .ok_or_else(not_signed_in)?;
    slot.update(|facts| facts.user = Some(signed_in.user.id));
    Ok(Caller { signed_in, slot })
}

fn not_signed_in() -> ApiError {
    ApiError::Unauthorized("sign in first: the session is missing, has ended or was signed out".to_owned())
}

/// The session token from the `Cookie` header, if any.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| value.len() == 64 && value.bytes().all(|byte| byte.is_ascii_hexdigit()))
}

/// Compares in time independent of where the first difference is.
fn tokens_match(sent: &str, expected: &str) -> bool {
    sent.len() == expected.len()
        && sent
            .bytes()
            .zip(expected.bytes())
            .fold(0_u8, |difference, (left, right)| difference | (left ^ right))
            == 0
}

impl Caller {
    pub fn role(&self) -> Role {
        self.signed_in.user.role
    }

    pub fn user_id(&self) -> i64 {
        self.signed_in.user.id
    }

    /// The caller's office; court staff and the administrator have none, and anything of an
    /// office answers them as missing.
    pub fn office_id(&self) -> Result<OfficeId, ApiError> {
        self.signed_in.user.office.ok_or_else(|| {
            self.slot.update(|facts| facts.refused = true);
            ApiError::NotFound("office does not exist".to_owned())
        })
    }

    /// Who to record as the author of what this caller posts.
    pub fn author(&self) -> String {
        self.signed_in.user.login.clone()
    }

    /// May the caller do `action` with `book`? Answers 404 as for a missing book when the caller
    /// may not know it, 403 when they may see it but not do this.
    pub async fn book(&self, state: &AppState, action: Action, book: BookId) -> Result<(), ApiError> {
        self.record_of(state, action, book, book).await
    }

    /// As [`Caller::book`], for a record of a book (an entry, a filing…): a refusal answers as if
    /// the record did not exist, in the words storage uses for a missing one.
    pub async fn record_of<Id: RecordId>(
        &self,
        state: &AppState,
        action: Action,
        book: BookId,
        record: Id,
    ) -> Result<(), ApiError> {
        let decision = sessions::authorize_book(&state.store, &self.signed_in.principal, action, book).await?;
        self.slot.update(|facts| facts.book = Some(book));
        self.answer(decision, record)
    }

    /// May the caller read evidence `id` of `book`? Whoever reads the book reads all of its
    /// evidence; whoever reads only what was filed (court staff) reads a file only if a filed
    /// account lists it. Any other answers as a file that does not exist.
    pub async fn evidence(&self, state: &AppState, book: BookId, id: EvidenceId) -> Result<(), ApiError> {
        if self.may_read_all_evidence(state, book).await? {
            return Ok(());
        }
        self.record_of(state, Action::ReadFiled, book, id).await?;
        if crate::service::filings::evidence_filed(&state.store, book)
            .await?
            .contains(&id)
        {
            return Ok(());
        }
        self.slot.update(|facts| facts.refused = true);
        Err(StoreError::missing(id).into())
    }

    /// Whether the caller reads all of `book`'s evidence (the office's staff, the person), as
    /// opposed to only what was filed with the court. Records the book for the audit log.
    pub async fn may_read_all_evidence(&self, state: &AppState, book: BookId) -> Result<bool, ApiError> {
        let decision = sessions::authorize_book(&state.store, &self.signed_in.principal, Action::Read, book).await?;
        self.slot.update(|facts| facts.book = Some(book));
        Ok(decision == Decision::Allowed)
    }

    /// May the caller do `action` with a person's records? A refusal answers as if `record` (the
    /// person, or their mandate) did not exist.
    pub async fn person<Id: RecordId>(
        &self,
        state: &AppState,
        action: Action,
        person: BeneficiaryId,
        record: Id,
    ) -> Result<(), ApiError> {
        let decision = sessions::authorize_person(&state.store, &self.signed_in.principal, action, person).await?;
        self.answer(decision, record)
    }

    /// Of `people` (with their offices), those the caller may read.
    pub async fn readable_people(
        &self,
        state: &AppState,
        people: &[(BeneficiaryId, OfficeId)],
    ) -> Result<std::collections::HashSet<BeneficiaryId>, ApiError> {
        Ok(sessions::readable_people(&state.store, &self.signed_in.principal, people).await?)
    }

    /// As [`Caller::book`] for reading a book's page, answering at the same time whether the
    /// caller may change it (to offer the page's forms): one read of the book's facts.
    pub async fn book_page(&self, state: &AppState, book: BookId) -> Result<bool, ApiError> {
        let decisions = sessions::authorize_book_for(
            &state.store,
            &self.signed_in.principal,
            book,
            &[Action::Read, Action::Write],
        )
        .await?;
        self.slot.update(|facts| facts.book = Some(book));
        self.answer(decisions[0], book)?;
        Ok(decisions[1] == Decision::Allowed)
    }

    /// Who may see a payment run: for a one-book run, whoever may read the book; for a run over
    /// the whole office, its supervisors, and for anyone else it does not exist (`what` `id`).
    /// Approving (`Administer`) is the supervisors' alone: the second pair of eyes.
    pub async fn run<Id: RecordId>(
        &self,
        state: &AppState,
        run: &RunRecord,
        action: Action,
        record: Id,
    ) -> Result<(), ApiError> {
        let office = OfficeId::new(run.office_id);
        // Changing a book's run (cancelling it) takes the right to write the book.
        let on_book = if action == Action::Write {
            Action::Write
        } else {
            Action::Read
        };
        match run.book_id {
            Some(book) => self.record_of(state, on_book, BookId::new(book), record).await?,
            None => self
                .office(Action::Administer, office)
                .map_err(|_| ApiError::from(StoreError::missing(record)))?,
        }
        if action == Action::Administer {
            self.office(Action::Administer, office).map_err(|_| {
                ApiError::Forbidden(format!(
                    "{} {record} is approved by a supervisor of the office",
                    Id::NOUN
                ))
            })?;
        }
        Ok(())
    }

    /// May the caller do `action` with what belongs to `office` as a whole?
    pub fn office(&self, action: Action, office: OfficeId) -> Result<(), ApiError> {
        self.answer(decide_office(&self.signed_in.principal, action, office), office)
    }

    /// The books the caller may do `action` with.
    pub async fn books_allowed(&self, state: &AppState, action: Action) -> Result<Vec<BookId>, ApiError> {
        Ok(sessions::allowed_books(&state.store, &self.signed_in.principal, action).await?)
    }

    /// Marks the request as refused, for the audit log, when a handler refuses it itself.
    pub fn refuse(&self) {
        self.slot.update(|facts| facts.refused = true);
    }

    /// Names the book a request turned out to be about, for the audit log.
    pub fn note_book(&self, book: BookId) {
        self.slot.update(|facts| facts.book = Some(book));
    }

    /// For page forms: the token posted with the form must be the session's.
    pub fn check_form_token(&self, sent: &str) -> Result<(), ApiError> {
        if tokens_match(sent, &self.signed_in.csrf_token) {
            Ok(())
        } else {
            self.slot.update(|facts| facts.refused = true);
            Err(ApiError::Forbidden(
                "the form is out of date or was not sent by this site: reload the page and try again".to_owned(),
            ))
        }
    }

    fn answer<Id: RecordId>(&self, decision: Decision, record: Id) -> Result<(), ApiError> {
        match decision {
            Decision::Allowed => Ok(()),
            Decision::Forbidden => {
                self.slot.update(|facts| facts.refused = true);
                Err(ApiError::Forbidden(format!(
                    "a {} may not do this with {} {record}",
                    self.role().code(),
                    Id::NOUN
                )))
            }
            Decision::Hidden => {
                self.slot.update(|facts| facts.refused = true);
                Err(StoreError::missing(record).into())
            }
        }
    }
}
