use super::*;
use crate::domain::ids::AccountId;
use crate::domain::money::{Currency, Money};
use crate::import::statement::EntryStatus;

fn account(id: i64, code: &str, category: ReportCategory) -> Account {
    Account {
        id: AccountId::new(id),
        book_id: BookId::new(1),
        code: code.into(),
        name: code.into(),
        category,
        currency: Currency::EUR,
        iban: None,
        closed: false,
    }
}

fn chart() -> Vec<Account> {
    vec![
        account(1, "1900", ReportCategory::Suspense),
        account(2, "4000", ReportCategory::Pension),
        account(3, "6000", ReportCategory::Housing),
        account(4, "2001", ReportCategory::Debt),
        account(5, "6100", ReportCategory::Energy),
    ]
}

fn line(minor: i64, name: &str, iban: Option<&str>, remittance: &str) -> StatementLine {
    let amount = Money::from_minor(minor, Currency::EUR);
    StatementLine {
        number: 1,
        status: EntryStatus::Booked,
        booking_date: None,
        value_date: None,
        amount,
        reversal: false,
        bank_ref: None,
        bank_code: Some("PMNT/ICDT/ESCT".into()),
        fingerprint: String::new(),
        occurrence: 0,
        parts: vec![LinePart {
            amount,
            counterparty_name: Some(name.into()),
            counterparty_iban: iban.map(str::to_owned),
            end_to_end_id: None,
            remittance: Some(remittance.into()),
        }],
    }
}

fn rule(id: i64, priority: i64, book: Option<i64>, conditions: Conditions, target: RuleTarget) -> Rule {
    Rule {
        id,
        name: format!("rule {id}"),
        book: book.map(BookId::new),
        priority,
        conditions: conditions.check().unwrap(),
        target,
    }
}

fn decided(rules: Vec<Rule>, line: &StatementLine) -> (String, Option<i64>) {
    let accounts = chart();
    let rules = ordered(rules);
    let decision = decide(&rules, line, &line.parts[0], &accounts, &accounts[0]);
    (decision.account.code.clone(), decision.rule.map(|(id, _)| id))
}

#[test]
fn matches_on_iban_name_remittance_pattern_code_amount_and_direction() {
    let rent = line(
        -78_000,
        "Agence Immobilière SUD",
        Some("LU321111000087654321"),
        "Loyer janvier 2026 réf 44",
    );
    let housing = || RuleTarget::Category(ReportCategory::Housing);
    for conditions in [
        Conditions {
            counterparty_iban: Some("LU321111000087654321".into()),
            ..Conditions::default()
        },
        Conditions {
            counterparty_name: Some("agence immobilière".into()),
            ..Conditions::default()
        },
        Conditions {
            remittance_contains: Some("LOYER".into()),
            ..Conditions::default()
        },
        Conditions {
            remittance_pattern: Some(pattern(r"loyer \w+ \d{4}").unwrap()),
            ..Conditions::default()
        },
        Conditions {
            bank_code: Some("PMNT/ICDT".into()),
            ..Conditions::default()
        },
        Conditions {
            amount_min_minor: Some(70_000),
            amount_max_minor: Some(80_000),
            ..Conditions::default()
        },
        Conditions {
            direction: Some(Direction::Out),
            ..Conditions::default()
        },
    ] {
        assert_eq!(
            decided(vec![rule(1, 10, None, conditions.clone(), housing())], &rent),
            ("6000".into(), Some(1)),
            "{conditions:?}"
        );
    }
    for conditions in [
        Conditions {
            counterparty_iban: Some("LU280019400644750000".into()),
            ..Conditions::default()
        },
        Conditions {
            amount_max_minor: Some(50_000),
            ..Conditions::default()
        },
        Conditions {
            direction: Some(Direction::In),
            ..Conditions::default()
        },
        Conditions {
            counterparty_name: Some("Agence".into()),
            remittance_contains: Some("électricité".into()),
            ..Conditions::default()
        },
    ] {
        assert_eq!(
            decided(vec![rule(1, 10, None, conditions.clone(), housing())], &rent),
            ("1900".into(), None),
            "{conditions:?}"
        );
    }
}

#[test]
fn rules_are_tried_by_priority_then_book_before_office_then_age() {
    let pension = line(165_000, "CNAP", None, "PENSION 01/2026");
    let by_name = || Conditions {
        counterparty_name: Some("CNAP".into()),
        ..Conditions::default()
    };
    let rules = vec![
        rule(1, 20, None, by_name(), RuleTarget::Category(ReportCategory::Housing)),
        rule(2, 10, None, by_name(), RuleTarget::Category(ReportCategory::Pension)),
        rule(3, 10, Some(1), by_name(), RuleTarget::Account("6100".into())),
        rule(4, 10, Some(1), by_name(), RuleTarget::Account("6000".into())),
    ];
    assert_eq!(decided(rules, &pension), ("6100".into(), Some(3)));
}

#[test]
fn a_rule_whose_target_the_book_lacks_or_closed_gives_way_to_the_next() {
    let pension = line(165_000, "CNAP", None, "");
    let by_name = || Conditions {
        counterparty_name: Some("CNAP".into()),
        ..Conditions::default()
    };
    let rules = vec![
        rule(1, 1, None, by_name(), RuleTarget::Account("7777".into())),
        rule(2, 2, None, by_name(), RuleTarget::Category(ReportCategory::Pension)),
    ];
    assert_eq!(decided(rules, &pension), ("4000".into(), Some(2)));
    let mut accounts = chart();
    accounts[1].closed = true;
    let rules = ordered(vec![rule(
        2,
        2,
        None,
        by_name(),
        RuleTarget::Category(ReportCategory::Pension),
    )]);
    let decision = decide(&rules, &pension, &pension.parts[0], &accounts, &accounts[0]);
    assert_eq!(decision.account.code, "1900");
}

#[test]
fn a_rule_needs_a_condition_a_valid_pattern_and_a_range_that_is_not_empty() {
    assert_eq!(
        Conditions::default().check().unwrap_err().to_string(),
        "a rule needs at least one condition (IBAN, name, remittance, bank code, amount or direction)"
    );
    assert!(
        pattern("loyer (")
            .unwrap_err()
            .to_string()
            .starts_with("'loyer (' is not a valid regular expression")
    );
    let range = Conditions {
        amount_min_minor: Some(10),
        amount_max_minor: Some(5),
        ..Conditions::default()
    };
    assert_eq!(range.check().unwrap_err(), RuleError::EmptyRange);
    assert_eq!(
        Direction::parse("both").unwrap_err().to_string(),
        "the direction must be 'in' or 'out', not 'both'"
    );
}
