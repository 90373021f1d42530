use chrono::NaiveDate;

use super::*;
use crate::domain::ids::{BeneficiaryId, MandateId};
use crate::domain::mandate::MandateKind;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn mandate(start: &str, end: Option<&str>, rule: PeriodRule, jurisdiction: Jurisdiction) -> Mandate {
    Mandate {
        id: MandateId::new(1),
        beneficiary_id: BeneficiaryId::new(1),
        kind: MandateKind::Tutelle,
        court: None,
        start: date(start),
        end: end.map(date),
        period_rule: rule,
        receipt_threshold: None,
        jurisdiction,
        agreement: None,
        account_due_months: None,
    }
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: date(from),
        to: date(to),
    }
}

#[test]
fn calendar_years_start_at_the_judgment_and_end_on_31_december() {
    let measure = mandate("2025-05-14", None, PeriodRule::CalendarYear, Jurisdiction::Lu);
    assert_eq!(period_containing(&measure, date("2025-05-13")), None);
    assert_eq!(
        period_containing(&measure, date("2025-05-14")),
        Some(period("2025-05-14", "2025-12-31"))
    );
    assert_eq!(
        period_containing(&measure, date("2027-02-28")),
        Some(period("2027-01-01", "2027-12-31"))
    );
}

#[test]
fn anniversary_years_run_from_the_judgment_date() {
    let measure = mandate("2024-02-29", None, PeriodRule::JudgmentAnniversary, Jurisdiction::De);
    assert_eq!(
        period_containing(&measure, date("2024-03-01")),
        Some(period("2024-02-29", "2025-02-27"))
    );
    assert_eq!(
        period_containing(&measure, date("2025-02-28")),
        Some(period("2025-02-28", "2026-02-27"))
    );
}

#[test]
fn a_mandate_that_ends_cuts_its_last_period() {
    let measure = mandate(
        "2025-01-01",
        Some("2026-04-30"),
        PeriodRule::CalendarYear,
        Jurisdiction::Fr,
    );
    assert_eq!(
        period_containing(&measure, date("2026-04-01")),
        Some(period("2026-01-01", "2026-04-30"))
    );
    let last = next_deadline(&measure, Some(date("2025-12-31")), None).unwrap();
    assert_eq!(last.period, period("2026-01-01", "2026-04-30"));
    assert_eq!(
        next_deadline(&measure, Some(date("2026-04-30")), None),
        None,
        "everything is filed"
    );
}

#[test]
fn france_wants_the_account_by_30_june_and_others_get_an_assumed_three_months() {
    let year = period("2025-01-01", "2025-12-31");
    assert_eq!(
        due(Jurisdiction::Fr, year, None),
        Deadline {
            period: year,
            due: date("2026-06-30"),
            assumed: false
        }
    );
    let assumed = due(Jurisdiction::De, year, None);
    assert_eq!((assumed.due, assumed.assumed), (date("2026-03-31"), true));
    let set_by_court = due(Jurisdiction::Lu, year, Some(2));
    assert_eq!((set_by_court.due, set_by_court.assumed), (date("2026-02-28"), false));
}

#[test]
fn the_next_account_follows_the_last_filed_one() {
    let measure = mandate("2025-05-14", None, PeriodRule::CalendarYear, Jurisdiction::Fr);
    let first = next_deadline(&measure, None, None).unwrap();
    assert_eq!(
        (first.period, first.due),
        (period("2025-05-14", "2025-12-31"), date("2026-06-30"))
    );
    let second = next_deadline(&measure, Some(date("2025-12-31")), None).unwrap();
    assert_eq!(
        (second.period, second.due),
        (period("2026-01-01", "2026-12-31"), date("2027-06-30"))
    );
}
