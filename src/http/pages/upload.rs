//! Reading a page's file upload: a multipart form whose CSRF token comes first, then the files.
//! The token is checked before any file is read.

use axum::body::Bytes;
use axum::extract::Multipart;

use crate::http::auth::Caller;
use crate::http::error::ApiError;

pub struct UploadedFiles {
    form: Multipart,
    token_checked: bool,
}

impl UploadedFiles {
    pub fn new(form: Multipart) -> UploadedFiles {
        UploadedFiles {
            form,
            token_checked: false,
        }
    }

    /// The next file, as (file name, bytes); `None` at the end of the form. Text fields are
    /// skipped; a file input left empty (no name, no content) is skipped; a named empty file is
    /// not: the caller says so.
    pub async fn next(&mut self, caller: &Caller) -> Result<Option<(String, Bytes)>, ApiError> {
        loop {
            match self.next_part(caller).await? {
                None => return Ok(None),
                Some(UploadPart::File { name, bytes }) => return Ok(Some((name, bytes))),
                Some(UploadPart::Text { .. }) => {}
            }
        }
    }

    /// The next field after the token: a text field (a choice made in the form) or a file.
    pub async fn next_part(&mut self, caller: &Caller) -> Result<Option<UploadPart>, ApiError> {
        while let Some(field) = self
            .form
            .next_field()
            .await
            .map_err(|error| ApiError::BadRequest(format!("the upload could not be read: {error}")))?
        {
            if field.name() == Some("csrf") {
                let sent = field
                    .text()
                    .await
                    .map_err(|error| ApiError::BadRequest(error.to_string()))?;
                caller.check_form_token(&sent)?;
                self.token_checked = true;
                continue;
            }
            if !self.token_checked {
                return Err(ApiError::Forbidden(
                    "the form's token must come before its files".to_owned(),
                ));
            }
            let Some(name) = field.file_name().map(str::to_owned) else {
                let field_name = field.name().unwrap_or_default().to_owned();
                let value = field
                    .text()
                    .await
                    .map_err(|error| ApiError::BadRequest(error.to_string()))?;
                return Ok(Some(UploadPart::Text {
                    name: field_name,
                    value,
                }));
            };
            let bytes = field
                .bytes()
                .await
                .map_err(|error| ApiError::BadRequest(error.to_string()))?;
            if !(name.is_empty() && bytes.is_empty()) {
                return Ok(Some(UploadPart::File { name, bytes }));
            }
        }
        if !self.token_checked {
            return Err(ApiError::Forbidden("the form's token is missing".to_owned()));
        }
        Ok(None)
    }
}

/// A field of an upload form after its token.
pub enum UploadPart {
    Text { name: String, value: String },
    File { name: String, bytes: Bytes },
}
