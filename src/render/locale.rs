//! Words, numbers and dates in a reader's language: labels from Fluent files (`locales/`), numbers
//! and dates by CLDR through ICU4X (fr-LU writes 1 234,50; de-DE 1.234,50; en-GB 1,234.50).

use chrono::{Datelike, NaiveDate};
use fluent_templates::LanguageIdentifier;
use fluent_templates::{Loader, static_loader};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale as IcuLocale;

use crate::domain::account::ReportCategory;
use crate::domain::money::Currency;
use crate::domain::party::Language;

static_loader! {
    static LABELS = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages documents are written in. Luxembourgish and Swedish readers get the labels we
/// have translated well (none yet) and English for the rest, with their own number and date formats.
pub const DOCUMENT_LANGUAGES: [Language; 4] = [Language::Fr, Language::De, Language::En, Language::Pt];

/// A reader's language with its formatters, built once per document.
pub struct Locale {
    pub language: Language,
    labels: LanguageIdentifier,
    numbers: DecimalFormatter,
    dates: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    months: FixedCalendarDateTimeFormatter<Gregorian, YM>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Locale")
            .field("language", &self.language)
            .finish()
    }
}

impl Locale {
    pub fn new(language: Language) -> Self {
        let tag: IcuLocale = cldr_tag(language).parse().expect("BUG: the CLDR tags above are valid");
        let labels: LanguageIdentifier = language.code().parse().expect("BUG: language codes are valid");
        Self {
            language,
            labels,
            numbers: DecimalFormatter::try_new((&tag).into(), Default::default())
                .expect("BUG: compiled CLDR data covers every document language"),
            dates: FixedCalendarDateTimeFormatter::try_new(
                (&tag).into(),
                YMD::short().with_year_style(icu_datetime::options::YearStyle::Full),
            )
            .expect("BUG: compiled CLDR data covers every document language"),
            months: FixedCalendarDateTimeFormatter::try_new((&tag).into(), YM::long())
                .expect("BUG: compiled CLDR data covers every document language"),
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(&self) -> &'static str {
        self.language.code()
    }

    /// An amount typed in this language's way made plain for `Money::parse` (see
    /// `money::plain_amount`): a decimal comma everywhere but in English.
    pub fn plain_amount(&self, typed: &str) -> String {
        let decimal_comma = !matches!(self.language, Language::En);
        crate::domain::money::plain_amount(typed, decimal_comma)
    }

    /// The label `key` in this language (the loader falls back to English when this language
    /// lacks it; `[key]` when no language has it).
    pub fn label(&self, key: &str) -> String {
        LABELS
            .try_lookup(&self.labels, key)
            .unwrap_or_else(|| format!("[{key}]"))
    }

    /// The label `key` with its `$count` (for plural forms: "1 line", "3 lines").
    pub fn label_with_count(&self, key: &str, count: i64) -> String {
        let args = std::collections::HashMap::from([(
            std::borrow::Cow::Borrowed("count"),
            fluent_templates::fluent_bundle::FluentValue::from(count),
        )]);
        LABELS
            .try_lookup_with_args(&self.labels, key, &args)
            .unwrap_or_else(|| format!("[{key}]"))
    }

    /// The label `key` with its arguments, each a text (a reason, a name) put in as it is.
    pub fn label_with(&self, key: &str, arguments: &[(&'static str, String)]) -> String {
        self.label_with_count_and(key, None, arguments)
    }

    /// The label `key` with its `$count` (for plural forms) and other arguments, as texts.
    pub fn label_with_count_and(&self, key: &str, count: Option<i64>, arguments: &[(&'static str, String)]) -> String {
        let mut args: std::collections::HashMap<_, _> = arguments
            .iter()
            .map(|(name, text)| {
                (
                    std::borrow::Cow::Borrowed(*name),
                    fluent_templates::fluent_bundle::FluentValue::from(text.clone()),
                )
            })
            .collect();
        if let Some(count) = count {
            args.insert(
                std::borrow::Cow::Borrowed("count"),
                fluent_templates::fluent_bundle::FluentValue::from(count),
            );
        }
        LABELS
            .try_lookup_with_args(&self.labels, key, &args)
            .unwrap_or_else(|| format!("[{key}]"))
    }

    /// A report category in plain words.
    pub fn category(&self, category: ReportCategory) -> String {
        self.label(&format!("category-{}", category.code().replace(['.', '_'], "-")))
    }

    /// An amount in minor units, with the currency's decimals and the locale's separators.
    pub fn amount(&self, minor: i64, currency: Currency) -> String {
        let mut decimal = Decimal::from(minor);
        decimal.multiply_pow10(-(currency.decimals() as i16));
        self.numbers.format(&decimal).to_string()
    }

    /// An amount followed by its currency code: `1 234,50 EUR`.
    pub fn money(&self, minor: i64, currency: Currency) -> String {
        format!("{}\u{a0}{}", self.amount(minor, currency), currency.code())
    }

    /// A count, with the locale's grouping.
    pub fn count(&self, count: usize) -> String {
        self.numbers.format(&Decimal::from(count as u64)).to_string()
    }

    /// A date in the locale's numeric form: 31/12/2025, 31.12.2025, 2025-12-31.
    pub fn date(&self, date: NaiveDate) -> String {
        self.dates.format(&gregorian(date)).to_string()
    }

    /// A month and year in words: janvier 2026, Januar 2026.
    pub fn month(&self, year: i32, month: u32) -> String {
        let first = NaiveDate::from_ymd_opt(year, month, 1).expect("BUG: month is 1 to 12");
        self.months.format(&gregorian(first)).to_string()
    }
}

fn gregorian(date: NaiveDate) -> Date<Gregorian> {
    Date::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8).expect("BUG: a chrono date is valid")
}

/// Number and date conventions: Luxembourg's for French, German and Luxembourgish (the offices
/// this is first for), Britain's for English (day first), Portugal's and Sweden's for theirs.
fn cldr_tag(language: Language) -> &'static str {
    match language {
        Language::Fr => "fr-LU",
        Language::De => "de-LU",
        Language::Lb => "lb-LU",
        Language::Pt => "pt-PT",
        Language::En => "en-GB",
        Language::Sv => "sv-SE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    #[test]
    fn amounts_follow_each_locale() {
        assert_eq!(Locale::new(Language::De).amount(123_450, eur()), "1.234,50");
        assert_eq!(Locale::new(Language::En).amount(123_450, eur()), "1,234.50");
        assert_eq!(Locale::new(Language::En).amount(-5, eur()), "-0.05");
        assert_eq!(Locale::new(Language::Pt).amount(100, eur()), "1,00");
        let french = Locale::new(Language::Fr).amount(123_450, eur());
        assert!(french.ends_with("234,50") && french.starts_with('1'), "{french}");
    }

    #[test]
    fn dates_follow_each_locale() {
        let date = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(Locale::new(Language::De).date(date), "31.12.2025");
        assert_eq!(Locale::new(Language::Fr).date(date), "31/12/2025");
        assert_eq!(Locale::new(Language::En).date(date), "31/12/2025");
        assert_eq!(Locale::new(Language::Fr).month(2026, 1), "janvier 2026");
        assert_eq!(Locale::new(Language::De).month(2026, 3), "März 2026");
    }

    /// The keys defined in one language's Fluent files (lookups fall back to English, so a
    /// missing key would not show at run time).
    fn keys(language: Language) -> std::collections::BTreeSet<String> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(language.code());
        let mut keys = std::collections::BTreeSet::new();
        for file in std::fs::read_dir(&folder).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            keys.extend(
                text.lines()
                    .filter_map(|line| line.split_once(" ="))
                    .map(|(key, _)| key.trim().to_owned())
                    .filter(|key| !key.is_empty() && !key.starts_with('#') && !key.starts_with('.')),
            );
        }
        keys
    }

    #[test]
    fn no_label_is_defined_twice() {
        for language in DOCUMENT_LANGUAGES {
            let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(language.code());
            let mut seen = std::collections::BTreeSet::new();
            for file in std::fs::read_dir(&folder).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                for line in text.lines().filter(|line| !line.starts_with([' ', '#', '.', '*', '['])) {
                    if let Some((key, _)) = line.split_once(" =") {
                        assert!(
                            seen.insert(key.trim().to_owned()),
                            "{language:?}: {key} is defined twice"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_document_language_has_every_label() {
        let english = keys(Language::En);
        for category in ReportCategory::ALL {
            assert!(english.contains(&format!("category-{}", category.code().replace(['.', '_'], "-"))));
        }
        for weakness in crate::domain::user::PasswordWeakness::ALL {
            assert!(english.contains(&format!("password-weak-{}", weakness.code())));
        }
        for language in DOCUMENT_LANGUAGES {
            let found = keys(language);
            let missing: Vec<_> = english.difference(&found).collect();
            let extra: Vec<_> = found.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{language:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }
}
