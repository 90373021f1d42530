//! Tests of schedules: due dates, endings, checks, priority orders, expected incomes.
use super::*;
use crate::domain::money::Currency;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
}

fn schedule(frequency: Frequency, start: NaiveDate, ending: Ending) -> Schedule {
    Schedule {
        id: ScheduleId::new(1),
        details: NewSchedule {
            book_id: BookId::new(1),
            creditor_id: CreditorId::new(1),
            debtor_account: None,
            amount: Money::from_minor(65_000, Currency::EUR),
            target: PaymentTarget::Category(crate::domain::account::ReportCategory::Housing),
            frequency,
            start,
            ending,
            remittance: None,
            priority: Priority::HOUSING,
            needs_authorisation: false,
            authorisation_ref: None,
        },
        active: true,
    }
}

fn dues(schedule: &Schedule, through: NaiveDate) -> Vec<NaiveDate> {
    schedule
        .occurrences_through(through)
        .into_iter()
        .map(|occurrence| occurrence.due)
        .collect()
}

#[test]
fn monthly_on_the_31st_falls_on_the_last_day_of_shorter_months() {
    let rent = schedule(
        Frequency::Monthly {
            day: DayOfMonth::Day(31),
        },
        date(2027, 1, 10),
        Ending::Never,
    );
    assert_eq!(
        dues(&rent, date(2027, 4, 30)),
        [
            date(2027, 1, 31),
            date(2027, 2, 28),
            date(2027, 3, 31),
            date(2027, 4, 30)
        ]
    );
    let last = schedule(
        Frequency::Monthly { day: DayOfMonth::Last },
        date(2028, 2, 1),
        Ending::Never,
    );
    assert_eq!(dues(&last, date(2028, 3, 31)), [date(2028, 2, 29), date(2028, 3, 31)]);
}

#[test]
fn a_start_after_the_day_begins_next_month() {
    let rent = schedule(
        Frequency::Monthly {
            day: DayOfMonth::Day(1),
        },
        date(2026, 11, 23),
        Ending::Never,
    );
    assert_eq!(dues(&rent, date(2027, 1, 15)), [date(2026, 12, 1), date(2027, 1, 1)]);
}

#[test]
fn weekly_pocket_money_falls_on_its_weekday() {
    // 23 November 2026 is a Monday: Fridays from the 27th.
    let pocket = schedule(
        Frequency::Weekly { weekday: Weekday::Fri },
        date(2026, 11, 23),
        Ending::After { instalments: 3 },
    );
    assert_eq!(
        dues(&pocket, date(2027, 12, 31)),
        [date(2026, 11, 27), date(2026, 12, 4), date(2026, 12, 11)]
    );
}

#[test]
fn quarterly_yearly_and_once_stop_where_they_should() {
    let insurance = schedule(
        Frequency::Quarterly {
            day: DayOfMonth::Day(15),
        },
        date(2026, 1, 1),
        Ending::On {
            date: date(2026, 12, 31),
        },
    );
    assert_eq!(dues(&insurance, date(2030, 1, 1)).len(), 4);
    let tax = schedule(
        Frequency::Yearly {
            day: DayOfMonth::Day(30),
        },
        date(2026, 6, 1),
        Ending::Never,
    );
    assert_eq!(
        dues(&tax, date(2028, 12, 31)),
        [date(2026, 6, 30), date(2027, 6, 30), date(2028, 6, 30)]
    );
    let once = schedule(Frequency::Once, date(2026, 12, 2), Ending::Never);
    assert_eq!(dues(&once, date(2030, 1, 1)), [date(2026, 12, 2)]);
    assert!(dues(&once, date(2026, 12, 1)).is_empty());
}

#[test]
fn an_expected_pension_arrives_each_month_until_it_ends() {
    let pension = ExpectedIncome {
        id: 1,
        book_id: BookId::new(1),
        account: AccountId::new(1),
        name: "Pension CNAP".into(),
        amount: Money::from_minor(168_520, Currency::EUR),
        day: DayOfMonth::Day(25),
        start: date(2026, 1, 1),
        end: Some(date(2027, 1, 31)),
    };
    assert_eq!(
        pension.dates_between(date(2026, 11, 23), date(2027, 3, 1)),
        [date(2026, 11, 25), date(2026, 12, 25), date(2027, 1, 25)]
    );
}

#[test]
fn an_office_may_pay_health_before_energy() {
    let order = PriorityOrder::parse("1, 3, 2").expect("an order");
    assert_eq!(order.rank(Priority::HEALTH), Priority::ENERGY_AND_WATER);
    assert_eq!(order.rank(Priority::ENERGY_AND_WATER), Priority::HEALTH);
    assert_eq!(order.rank(Priority::HOUSING), Priority::HOUSING);
    assert_eq!(order.rank(Priority::OTHER), Priority::OTHER);
    assert_eq!(PriorityOrder::default().rank(Priority::DEBTS), Priority::DEBTS);
    for wrong in ["1,1", "0", "1,x", "10"] {
        assert!(PriorityOrder::parse(wrong).is_err(), "{wrong}");
    }
}

#[test]
fn checks_refuse_what_cannot_be_paid() {
    let mut details = schedule(
        Frequency::Monthly {
            day: DayOfMonth::Day(32),
        },
        date(2026, 1, 1),
        Ending::Never,
    )
    .details;
    assert_eq!(details.clone().check(), Err(ScheduleError::Day(32)));
    details.frequency = Frequency::Once;
    details.ending = Ending::Repaid;
    assert_eq!(details.clone().check(), Err(ScheduleError::RepaidNeedsDebtAccount));
    details.ending = Ending::After { instalments: 0 };
    assert_eq!(details.clone().check(), Err(ScheduleError::NoInstalments));
    details.ending = Ending::Never;
    details.amount = Money::from_minor(0, Currency::EUR);
    assert!(matches!(details.check(), Err(ScheduleError::Amount(_))));
    assert!(Priority::new(0).is_err() && Priority::new(5).is_ok());
}
