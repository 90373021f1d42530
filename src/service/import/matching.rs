//! Matching statement lines back to the payment orders gestio sent: the bank returns each
//! order's EndToEndId on the statement, so a line part carrying it is that order executed (money
//! out) or returned (money back in). Without the id, money out of the same amount to the same
//! IBAN within 5 TARGET2 business days of the execution date is taken as the order.

use std::collections::HashSet;

use crate::domain::calendar::Calendar;
use crate::domain::ids::AccountId;
use crate::import::lines::{LinePart, StatementLine};
use crate::storage::OpenOrder;

/// Business days after its execution date within which a line without the id may match an order.
pub const MATCH_WINDOW_BUSINESS_DAYS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OrderMatch {
    pub order: i64,
    pub end_to_end_id: String,
    /// The order's account: the part is booked there, as the order planned.
    pub account: AccountId,
    /// Executed or returned.
    pub state: crate::domain::payment_state::OrderState,
}

pub(super) struct OrderMatcher {
    orders: Vec<OpenOrder>,
    taken: HashSet<i64>,
}

impl OrderMatcher {
    pub fn new(orders: Vec<OpenOrder>) -> OrderMatcher {
        OrderMatcher {
            orders,
            taken: HashSet::new(),
        }
    }

    /// The order `part` of `line` settles, if any; each order is settled by one part only.
    pub fn settle(&mut self, line: &StatementLine, part: &LinePart) -> Option<OrderMatch> {
        if self.orders.is_empty() {
            return None;
        }
        let amount = part.amount.minor();
        let money_back = amount > 0;
        let by_id = |order: &OpenOrder| {
            part.end_to_end_id.as_deref() == Some(order.end_to_end_id.as_str()) && order.amount_minor == amount.abs()
        };
        let found = if money_back {
            self.orders
                .iter()
                .find(|order| !self.taken.contains(&order.id) && by_id(order))
        } else {
            let exported = |order: &&OpenOrder| {
                !self.taken.contains(&order.id) && order.state == crate::domain::payment_state::OrderState::Exported
            };
            self.orders
                .iter()
                .filter(exported)
                .find(|order| by_id(order))
                .or_else(|| {
                    let day = line.date()?;
                    self.orders.iter().filter(exported).find(|order| {
                        let window_end =
                            Calendar::Target2.add_business_days(order.execution_date, MATCH_WINDOW_BUSINESS_DAYS);
                        order.amount_minor == -amount
                            && part.counterparty_iban.as_deref() == Some(order.creditor_iban.as_str())
                            && (order.execution_date..=window_end).contains(&day)
                    })
                })
        }?;
        self.taken.insert(found.id);
        Some(OrderMatch {
            order: found.id,
            end_to_end_id: found.end_to_end_id.clone(),
            account: AccountId::new(found.target_account_id),
            state: if money_back {
                crate::domain::payment_state::OrderState::Returned
            } else {
                crate::domain::payment_state::OrderState::Executed
            },
        })
    }
}
