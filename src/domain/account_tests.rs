use super::*;

#[test]
fn every_category_code_names_its_kind_and_parses_back() {
    for category in ReportCategory::ALL.iter().copied() {
        assert!(category.code().starts_with(category.kind().as_str()), "{category}");
        assert_eq!(ReportCategory::parse(category.code()), Ok(category));
    }
    let error = ReportCategory::parse("expense.holidays").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("'expense.holidays' is not a report category; use one of: asset.cash")
    );
}

#[test]
fn an_account_closes_only_when_empty_open_and_not_structural() {
    let mut account = Account {
        id: AccountId::new(5),
        book_id: BookId::new(1),
        code: "2001".into(),
        name: "Debt: Cofidis".into(),
        category: ReportCategory::Debt,
        currency: Currency::EUR,
        iban: None,
        closed: false,
    };
    assert_eq!(
        account.check_close(-100).unwrap_err().to_string(),
        "account 2001 still holds -1.00 EUR: move it to another account before closing this one"
    );
    assert_eq!(account.check_close(0), Ok(()));
    account.closed = true;
    assert_eq!(
        account.check_close(0).unwrap_err().to_string(),
        "account 2001 is closed already"
    );
    account.closed = false;
    account.category = ReportCategory::Suspense;
    assert_eq!(
        account.check_close(0).unwrap_err().to_string(),
        "account 2001 (asset.suspense) belongs to the book's structure and cannot be closed"
    );
}

#[test]
fn chart_numbers_are_unique() {
    let mut numbers: Vec<u32> = ReportCategory::ALL
        .iter()
        .map(|category| category.chart_number())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), ReportCategory::ALL.len());
}

#[test]
fn bank_accounts_need_an_iban_and_others_refuse_one() {
    let iban = Iban::parse("LU280019400644750000").unwrap();
    let error = NewAccount::new("1100", "Bank", ReportCategory::Bank, Currency::EUR, None).unwrap_err();
    assert_eq!(error.to_string(), "account 1100: a asset.bank account needs an IBAN");
    let error = NewAccount::new("6000", "Rent", ReportCategory::Housing, Currency::EUR, Some(iban)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "account 6000: only bank and savings accounts carry an IBAN, not a expense.housing account"
    );
    assert!(matches!(
        NewAccount::new("a b", "x", ReportCategory::Cash, Currency::EUR, None),
        Err(AccountError::BadCode { .. })
    ));
}

#[test]
fn the_standard_chart_has_money_suspense_debts_equity_and_every_income_and_expense_category() {
    let banks = vec![
        BankAccountSpec {
            iban: Iban::parse("LU280019400644750000").unwrap(),
            name: "Current account".into(),
        },
        BankAccountSpec {
            iban: Iban::parse("DE44500105175407324931").unwrap(),
            name: "German account".into(),
        },
    ];
    let chart = standard_chart(Currency::EUR, &banks);
    let codes: Vec<&str> = chart.iter().map(|account| account.code.as_str()).collect();
    for code in [
        "1000", "1100", "1101", "1900", "2000", "3000", "4000", "6000", "6400", "6900",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    for category in ReportCategory::ALL
        .iter()
        .filter(|category| matches!(category.kind(), AccountKind::Income | AccountKind::Expense))
    {
        assert!(chart.iter().any(|account| account.category == *category), "{category}");
    }
    assert_eq!(chart.iter().filter(|account| account.iban.is_some()).count(), 2);
}
