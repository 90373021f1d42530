//! `gestio office|beneficiary|mandate`.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::output::{json, optional, table};
use super::{Context, now, today};
use crate::domain::ids::{BeneficiaryId, MandateId, OfficeId};
use crate::domain::mandate::{Jurisdiction, Mandate, MandateInput, MandateKind, NewMandate, PeriodRule};
use crate::domain::money::{Currency, Money};
use crate::domain::party::{Beneficiary, Language, NewBeneficiary, NewOffice, Office};
use crate::service::parties::{create_beneficiary, create_mandate, create_office};

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum OfficeCommand {
    /// Create an office.
    Create {
        #[arg(long)]
        name: String,
        /// Two-letter country code (LU, FR, DE, SE…).
        #[arg(long)]
        country: String,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// List offices.
    List(JsonFlag),
    /// Show one office.
    Show {
        id: OfficeId,
        #[command(flatten)]
        output: JsonFlag,
    },
}

pub async fn office(context: &Context, command: OfficeCommand) -> anyhow::Result<ExitCode> {
    let (offices, as_json) = match command {
        OfficeCommand::Create { name, country, output } => {
            let office = create_office(&context.store, &NewOffice::new(&name, &country)?, now()).await?;
            (vec![office], output.json)
        }
        OfficeCommand::List(output) => {
            let mut tx = context.store.begin_read().await?;
            (tx.offices().await?, output.json)
        }
        OfficeCommand::Show { id, output } => {
            let mut tx = context.store.begin_read().await?;
            (vec![tx.office(id).await?], output.json)
        }
    };
    print_offices(&offices, as_json)
}

fn print_offices(offices: &[Office], as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        json(offices)?;
    } else {
        let mut rows = vec![vec!["ID".into(), "COUNTRY".into(), "NAME".into()]];
        rows.extend(
            offices
                .iter()
                .map(|office| vec![office.id.to_string(), office.country.clone(), office.name.clone()]),
        );
        table(&rows);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum BeneficiaryCommand {
    /// Register a beneficiary with an office.
    Create {
        #[arg(long)]
        office: OfficeId,
        #[arg(long)]
        name: String,
        /// The language statements are written in: fr, de, lb, pt, en or sv.
        #[arg(long)]
        language: String,
        #[arg(long)]
        birth_date: Option<NaiveDate>,
        /// Address, telephone or e-mail, as free text.
        #[arg(long)]
        contact: Option<String>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// List beneficiaries, of one office or of all.
    List {
        #[arg(long)]
        office: Option<OfficeId>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Show one beneficiary.
    Show {
        id: BeneficiaryId,
        #[command(flatten)]
        output: JsonFlag,
    },
}

pub async fn beneficiary(context: &Context, command: BeneficiaryCommand) -> anyhow::Result<ExitCode> {
    let (people, as_json) = match command {
        BeneficiaryCommand::Create {
            office,
            name,
            language,
            birth_date,
            contact,
            output,
        } => {
            let person = NewBeneficiary::new(
                office,
                &name,
                Language::parse(&language)?,
                birth_date,
                contact.as_deref(),
                today(),
            )?;
            (
                vec![create_beneficiary(&context.store, &person, now()).await?],
                output.json,
            )
        }
        BeneficiaryCommand::List { office, output } => {
            let mut tx = context.store.begin_read().await?;
            (tx.beneficiaries(office).await?, output.json)
        }
        BeneficiaryCommand::Show { id, output } => {
            let mut tx = context.store.begin_read().await?;
            (vec![tx.beneficiary(id).await?], output.json)
        }
    };
    print_beneficiaries(&people, as_json)
}

fn print_beneficiaries(people: &[Beneficiary], as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        json(people)?;
    } else {
        let mut rows = vec![vec![
            "ID".into(),
            "OFFICE".into(),
            "LANG".into(),
            "BORN".into(),
            "NAME".into(),
        ]];
        rows.extend(people.iter().map(|person| {
            vec![
                person.id.to_string(),
                person.office_id.to_string(),
                person.language.to_string(),
                optional(person.birth_date),
                person.name.clone(),
            ]
        }));
        table(&rows);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct MandateArgs {
    #[arg(long)]
    beneficiary: BeneficiaryId,
    /// budget_agreement, sauvegarde, curatelle, curatelle_renforcee, tutelle, betreuung or conservatorship.
    #[arg(long)]
    kind: String,
    /// The date of the judgment or of the signed agreement.
    #[arg(long)]
    start: NaiveDate,
    #[arg(long)]
    end: Option<NaiveDate>,
    /// The court (required for court measures): its id, or its name as recorded (`gestio court list`).
    #[arg(long)]
    court: Option<String>,
    /// The case number: numéro RG, Aktenzeichen… (required for court measures).
    #[arg(long)]
    case_number: Option<String>,
    #[arg(long)]
    judge: Option<String>,
    /// calendar_year or judgment_anniversary.
    #[arg(long, default_value = "calendar_year")]
    period_rule: String,
    /// lu, fr, de or generic: the layout of the periodic account.
    #[arg(long, default_value = "generic")]
    jurisdiction: String,
    /// Disbursements above this amount need a receipt (set by the judge), e.g. 300.00.
    #[arg(long)]
    receipt_threshold: Option<String>,
    /// Currency of the receipt threshold.
    #[arg(long, default_value = "EUR")]
    currency: String,
    /// The signed agreement's goals, for a voluntary agreement.
    #[arg(long)]
    agreement: Option<String>,
    #[command(flatten)]
    output: JsonFlag,
}

impl MandateArgs {
    async fn to_new_mandate(&self, context: &Context) -> anyhow::Result<NewMandate> {
        let receipt_threshold = match &self.receipt_threshold {
            Some(text) => Some(Money::parse(text, Currency::parse(&self.currency)?)?),
            None => None,
        };
        let court = match self.court.as_deref() {
            None => None,
            Some(text) => Some(
                crate::service::courts::find(&context.store, text)
                    .await?
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "no court is recorded as '{text}': see `gestio court list`, or add it with `gestio court add`"
                        )
                    })?
                    .id,
            ),
        };
        let input = MandateInput {
            court,
            case_number: self.case_number.as_deref(),
            judge: self.judge.as_deref(),
            end: self.end,
            receipt_threshold,
            agreement: self.agreement.as_deref(),
        };
        Ok(NewMandate::new(
            self.beneficiary,
            MandateKind::parse(&self.kind)?,
            self.start,
            PeriodRule::parse(&self.period_rule)?,
            Jurisdiction::parse(&self.jurisdiction)?,
            input,
        )?)
    }
}

#[derive(Debug, Subcommand)]
pub enum MandateCommand {
    /// Record a mandate for a beneficiary.
    Create(Box<MandateArgs>),
    /// List mandates, of one beneficiary or of all.
    List {
        #[arg(long)]
        beneficiary: Option<BeneficiaryId>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Show one mandate.
    Show {
        id: MandateId,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Record when the court wants this measure's account: months after the period's end
    /// (e.g. 3), or back to the jurisdiction's rule.
    AccountDue {
        id: MandateId,
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=24), required_unless_present = "jurisdiction_rule")]
        months: Option<u32>,
        /// Forget the recorded months: the jurisdiction's rule applies again.
        #[arg(long, conflicts_with = "months")]
        jurisdiction_rule: bool,
        #[command(flatten)]
        output: JsonFlag,
    },
}

pub async fn mandate(context: &Context, command: MandateCommand) -> anyhow::Result<ExitCode> {
    let (mandates, as_json) = match command {
        MandateCommand::Create(args) => {
            let mandate = create_mandate(&context.store, &args.to_new_mandate(context).await?, now()).await?;
            (vec![mandate], args.output.json)
        }
        MandateCommand::List { beneficiary, output } => {
            let mut tx = context.store.begin_read().await?;
            (tx.mandates(beneficiary).await?, output.json)
        }
        MandateCommand::AccountDue { id, months, output, .. } => {
            let mut tx = context.store.begin_write().await?;
            let mandate = tx.set_account_due_months(id, months).await?;
            tx.commit().await?;
            (vec![mandate], output.json)
        }
        MandateCommand::Show { id, output } => {
            let mut tx = context.store.begin_read().await?;
            (vec![tx.mandate(id).await?], output.json)
        }
    };
    print_mandates(&mandates, as_json)
}

fn print_mandates(mandates: &[Mandate], as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        json(mandates)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows = vec![
        [
            "ID",
            "BENEFICIARY",
            "KIND",
            "START",
            "END",
            "JURISDICTION",
            "COURT",
            "CASE",
        ]
        .map(String::from)
        .to_vec(),
    ];
    rows.extend(mandates.iter().map(|mandate| {
        vec![
            mandate.id.to_string(),
            mandate.beneficiary_id.to_string(),
            mandate.kind.to_string(),
            mandate.start.to_string(),
            optional(mandate.end),
            mandate.jurisdiction.to_string(),
            optional(mandate.court.as_ref().map(|court| court.name.clone())),
            optional(mandate.court.as_ref().map(|court| court.case_number.clone())),
        ]
    }));
    table(&rows);
    Ok(ExitCode::SUCCESS)
}
