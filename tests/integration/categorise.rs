//! Categorisation rules and the suspense list, on SQLite and PostgreSQL.

use crate::common;

use common::{Case, TestDb, eur, now, open_case};
use gestio::domain::account::ReportCategory;
use gestio::domain::money::Money;
use gestio::import::rules::{Conditions, RuleTarget};
use gestio::service::categorise::{add_rule, categorise, suspense, test_rules};
use gestio::service::import::{ImportOptions, ImportSummary, import_file};
use gestio::service::ledger::trial_balance;
use gestio::storage::Store;

const IBAN: &str = "LU280019400644750000";

fn sample() -> Vec<u8> {
    std::fs::read(format!(
        "{}/samples/camt/bcee-maria-fernandes-2026-01.camt053.xml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

async fn import(store: &Store, bytes: &[u8]) -> ImportSummary {
    import_file(store, "statement.xml", bytes, ImportOptions::default(), "test", now())
        .await
        .unwrap()
}

async fn balance(store: &Store, case: &Case, code: &str) -> Money {
    let trial = trial_balance(store, case.book, None).await.unwrap();
    trial.lines.iter().find(|line| line.code == code).unwrap().balance
}

async fn pension_and_cofidis_rules(store: &Store, case: &Case) {
    let pension = Conditions {
        counterparty_iban: Some("LU580030123456789012".into()),
        ..Conditions::default()
    };
    add_rule(
        store,
        case.office,
        None,
        "Pension CNAP",
        100,
        pension,
        RuleTarget::Category(ReportCategory::Pension),
        "test",
        now(),
    )
    .await
    .unwrap();
    let cofidis = Conditions {
        counterparty_name: Some("cofidis".into()),
        ..Conditions::default()
    };
    add_rule(
        store,
        case.office,
        Some(case.book),
        "Cofidis plan",
        100,
        cofidis,
        RuleTarget::Account("2001".into()),
        "test",
        now(),
    )
    .await
    .unwrap();
}

/// Why each part of each booked line went where it did, in entry and part order: a one-part line
/// says it in its own row, a batch line's parts in theirs.
async fn explanations(db: &TestDb) -> Vec<String> {
    let sql = "SELECT categorised_by FROM ( \
                   SELECT entry_id, 1 AS part_no, categorised_by FROM statement_lines WHERE categorised_by IS NOT NULL \
                   UNION ALL SELECT entry_id, part_no, categorised_by FROM statement_line_parts) explained \
               ORDER BY entry_id, part_no";
    scalars(db, sql).await
}

async fn scalars<T>(db: &TestDb, sql: &'static str) -> Vec<T>
where
    T: Send + Unpin + for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
{
    if db.backend == "sqlite" {
        sqlx::query_scalar(sql)
            .fetch_all(&sqlx::SqlitePool::connect(&db.url).await.unwrap())
            .await
            .unwrap()
    } else {
        sqlx::query_scalar(sql)
            .fetch_all(&sqlx::PgPool::connect(&db.url).await.unwrap())
            .await
            .unwrap()
    }
}

/// Puts a database back as it was before migration 11: every part of every booked line in
/// statement_line_parts, no explanation in the line rows, migration 11 not applied.
const BEFORE_MIGRATION_11: &str = "\
    INSERT INTO statement_line_parts (entry_id, part_no, amount_minor, currency, counterparty_name, counterparty_iban, \
        end_to_end_id, remittance, categorised_by) \
    SELECT entry_id, 1, amount_minor, currency, counterparty_name, counterparty_iban, end_to_end_id, remittance, \
        categorised_by FROM statement_lines WHERE categorised_by IS NOT NULL; \
    ALTER TABLE statement_lines DROP COLUMN categorised_by; \
    DELETE FROM _sqlx_migrations WHERE version = 11;";

async fn suspense_names(store: &Store, case: &Case) -> Vec<String> {
    let waiting = suspense(store, case.book).await.unwrap();
    waiting
        .iter()
        .map(|item| item.counterparty_name.clone().unwrap_or_default())
        .collect()
}

crate::backend_tests! {
    async fn rules_put_matching_lines_and_batch_parts_on_their_accounts_and_say_which_rule(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        pension_and_cofidis_rules(&store, &case).await;
        let summary = import(&store, &sample()).await;
        assert_eq!((summary.statements[0].new, summary.statements[0].categorised), (3, 2));
        assert_eq!(balance(&store, &case, "4000").await, eur("-1685.20"));
        assert_eq!(balance(&store, &case, "2001").await, eur("-400.00"), "500.00 owed, 100.00 repaid in the batch");
        assert_eq!(balance(&store, &case, "1900").await, eur("945.29"), "rent, energy, health and telecom wait on suspense");
        assert_eq!(
            explanations(&db).await,
            ["rule 1 (Pension CNAP)", "suspense", "suspense", "suspense", "rule 2 (Cofidis plan)", "suspense"].map(String::from).to_vec()
        );
        assert_eq!(suspense_names(&store, &case).await, ["Agence Immobilière Sud", "Enovos Luxembourg S.A.", "CMCM", "POST Telecom"]);
    }

    async fn migration_11_moves_each_one_part_lines_explanation_into_the_line_and_loses_nothing(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        pension_and_cofidis_rules(&store, &case).await;
        import(&store, &sample()).await;
        let (explained, waiting) = (explanations(&db).await, suspense_names(&store, &case).await);
        let batch_parts: Vec<i64> = scalars(&db, "SELECT COUNT(*) FROM statement_line_parts").await;
        store.close().await;
        common::raw_sql(&db, BEFORE_MIGRATION_11).await.unwrap();
        let every_part: Vec<i64> = scalars(&db, "SELECT COUNT(*) FROM statement_line_parts").await;
        assert_eq!(every_part[0], 6, "before migration 11, every part of the three lines had its row");
        let store = db.store().await;
        assert_eq!(scalars::<i64>(&db, "SELECT COUNT(*) FROM statement_line_parts").await, batch_parts);
        assert_eq!(batch_parts[0], 4, "the batch's four parts keep their rows");
        assert_eq!(explanations(&db).await, explained);
        assert_eq!(suspense_names(&store, &case).await, waiting);
        assert!(store.is_ready().await.unwrap());
    }

    async fn categorising_moves_a_suspense_posting_once_and_can_become_a_rule(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        import(&store, &sample()).await;
        let rent = suspense(&store, case.book).await.unwrap().into_iter().find(|item| item.amount_minor == 78_000).unwrap();
        let entry = gestio::domain::ids::EntryId::new(rent.entry_id);
        let done = categorise(&store, case.book, entry, rent.line_no, "6000", true, "test", now()).await.unwrap();
        assert_eq!(done.entry.date, rent.entry_date, "categorised in the month the money moved");
        assert_eq!(balance(&store, &case, "6000").await, eur("780.00"));
        assert!(suspense(&store, case.book).await.unwrap().iter().all(|item| item.entry_id != rent.entry_id));
        let again = categorise(&store, case.book, entry, rent.line_no, "6000", false, "test", now()).await.unwrap_err();
        assert!(again.to_string().contains("does not exist"), "{again}");
        let rule = done.rule.expect("a rule was asked for");
        assert_eq!(rule.conditions, "IBAN is LU321111000087654321");
        // The landlord's next rent goes to 6000 by the new rule.
        let trials = test_rules(&store, case.book, &sample()).await.unwrap();
        let rent_trial = trials.iter().find(|trial| trial.amount == eur("-780.00")).unwrap();
        assert_eq!(rent_trial.account, "6000");
        assert_eq!(rent_trial.rule.as_deref(), Some(format!("rule {} (Agence Immobilière Sud → 6000)", rule.id).as_str()));
    }

    async fn a_rule_needs_a_condition_and_a_target_its_book_can_use(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let some = || Conditions { direction: Some(gestio::import::rules::Direction::Out), ..Conditions::default() };
        let error = add_rule(&store, case.office, None, "x", 1, Conditions::default(), RuleTarget::Category(ReportCategory::Housing), "test", now()).await.unwrap_err();
        assert!(error.to_string().starts_with("a rule needs at least one condition"), "{error}");
        let error = add_rule(&store, case.office, None, "x", 1, some(), RuleTarget::Account("6000".into()), "test", now()).await.unwrap_err();
        assert_eq!(error.to_string(), "an office-wide rule targets a category: account codes differ between books");
        let error = add_rule(&store, case.office, None, "x", 1, some(), RuleTarget::Category(ReportCategory::Bank), "test", now()).await.unwrap_err();
        assert_eq!(error.to_string(), "a rule cannot send lines to asset.bank");
        let error = add_rule(&store, case.office, Some(case.book), "x", 1, some(), RuleTarget::Account("7777".into()), "test", now()).await.unwrap_err();
        assert!(error.to_string().contains("account 7777 of book"), "{error}");
        let other = open_case(&store, "Someone else", "DE89370400440532013000").await;
        let error = add_rule(&store, case.office, Some(other.book), "x", 1, some(), RuleTarget::Account("6000".into()), "test", now()).await.unwrap_err();
        assert!(error.to_string().contains("book of this office"), "{error}");
    }

    async fn trying_rules_on_a_file_saves_nothing(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        pension_and_cofidis_rules(&store, &case).await;
        let trials = test_rules(&store, case.book, &sample()).await.unwrap();
        assert_eq!(trials.len(), 6, "one per part of the three booked lines");
        assert_eq!(trials.iter().filter(|trial| trial.rule.is_some()).count(), 2);
        let book = store.begin_read().await.unwrap().book(case.book).await.unwrap();
        assert_eq!(book.head_sequence, 1, "only the opening entry");
    }
}
