//! The language of a page: the user's own (from their profile), else the first language of the
//! browser's `Accept-Language` that gestio's pages are written in, else English.

use axum::http::{HeaderMap, header};

use crate::domain::party::Language;

/// The pages are written in the documents' languages; others fall back as documents do (lb → fr,
/// sv → en).
use crate::render::locale::DOCUMENT_LANGUAGES as PAGE_LANGUAGES;

pub fn page_language(profile: Option<Language>, headers: &HeaderMap) -> Language {
    if let Some(language) = profile {
        return readable(language);
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(from_accept_language)
        .unwrap_or(Language::En)
}

fn readable(language: Language) -> Language {
    match language {
        Language::Lb => Language::Fr,
        Language::Sv => Language::En,
        other => other,
    }
}

/// The most wanted language of an `Accept-Language` value that the pages have, by quality.
fn from_accept_language(value: &str) -> Option<Language> {
    let mut wanted: Vec<(f32, Language)> = value
        .split(',')
        .filter_map(|item| {
            let mut parts = item.trim().split(';');
            let tag = parts.next()?.trim();
            let quality = parts
                .find_map(|part| part.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            let language = Language::parse(&primary).ok().map(readable)?;
            (quality > 0.0 && PAGE_LANGUAGES.contains(&language)).then_some((quality, language))
        })
        .collect();
    // A stable sort keeps the browser's order among equal qualities.
    wanted.sort_by(|left, right| right.0.total_cmp(&left.0));
    wanted.first().map(|(_, language)| *language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
        headers
    }

    #[test]
    fn the_profile_wins_then_the_browser_then_english() {
        assert_eq!(page_language(Some(Language::De), &with("fr-LU,fr;q=0.9")), Language::De);
        assert_eq!(page_language(Some(Language::Lb), &HeaderMap::new()), Language::Fr);
        assert_eq!(page_language(None, &with("fr-LU,fr;q=0.9,en;q=0.8")), Language::Fr);
        assert_eq!(page_language(None, &with("it-IT, de;q=0.5, en;q=0.7")), Language::En);
        assert_eq!(page_language(None, &with("pt-PT;q=0.8, de-DE;q=0.9")), Language::De);
        assert_eq!(page_language(None, &with("lb")), Language::Fr);
        assert_eq!(
            page_language(None, &with("en;q=0, ja")),
            Language::En,
            "q=0 means not wanted"
        );
        assert_eq!(page_language(None, &with("garbage;q=x")), Language::En);
        assert_eq!(page_language(None, &HeaderMap::new()), Language::En);
    }
}
