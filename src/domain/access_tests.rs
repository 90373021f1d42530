use super::*;

const OFFICE: OfficeId = OfficeId::new(1);
const OTHER_OFFICE: OfficeId = OfficeId::new(2);
const COURT: &str = "Tribunal d'arrondissement de Luxembourg";

fn book(number: i64) -> BookFacts {
    BookFacts {
        book: BookId::new(number),
        office: OFFICE,
        beneficiary: BeneficiaryId::new(number),
        courts: vec![COURT.to_owned()],
    }
}

fn user(role: Role) -> Principal {
    Principal {
        office: OFFICE,
        role,
        disabled: false,
        assigned_books: Vec::new(),
        beneficiary: None,
        court: None,
    }
}

#[test]
fn every_role_sees_exactly_its_books() {
    use Decision::{Allowed, Forbidden, Hidden};
    let counsellor = Principal {
        assigned_books: vec![BookId::new(1)],
        ..user(Role::Counsellor)
    };
    let beneficiary = Principal {
        beneficiary: Some(BeneficiaryId::new(1)),
        ..user(Role::Beneficiary)
    };
    let court = Principal {
        court: Some(format!("  {}  ", COURT.to_uppercase())),
        ..user(Role::Court)
    };
    let other_court = Principal {
        court: Some("Amtsgericht Trier".to_owned()),
        ..user(Role::Court)
    };
    let supervisor = user(Role::Supervisor);
    // (who, book, read, write, review); what was filed is seen by all who see the book
    let expected = [
        (&supervisor, 1, Allowed, Allowed, Forbidden),
        (&supervisor, 2, Allowed, Allowed, Forbidden),
        (&counsellor, 1, Allowed, Allowed, Forbidden),
        (&counsellor, 2, Hidden, Hidden, Hidden),
        (&beneficiary, 1, Allowed, Forbidden, Forbidden),
        (&beneficiary, 2, Hidden, Hidden, Hidden),
        (&court, 1, Forbidden, Forbidden, Allowed),
        (&other_court, 1, Hidden, Hidden, Hidden),
    ];
    for (who, number, read, write, review) in expected {
        let facts = book(number);
        assert_eq!(
            decide(who, Action::Read, &facts),
            read,
            "{:?} reads book {number}",
            who.role
        );
        assert_eq!(
            decide(who, Action::Write, &facts),
            write,
            "{:?} writes book {number}",
            who.role
        );
        let sees = if read == Hidden { Hidden } else { Allowed };
        assert_eq!(
            decide(who, Action::ReadFiled, &facts),
            sees,
            "{:?} reads filings of {number}",
            who.role
        );
        assert_eq!(
            decide(who, Action::Review, &facts),
            review,
            "{:?} reviews book {number}",
            who.role
        );
    }
}

#[test]
fn another_office_and_a_disabled_user_see_nothing() {
    let elsewhere = Principal {
        office: OTHER_OFFICE,
        ..user(Role::Supervisor)
    };
    assert_eq!(decide(&elsewhere, Action::Read, &book(1)), Decision::Hidden);
    let disabled = Principal {
        disabled: true,
        ..user(Role::Supervisor)
    };
    assert_eq!(decide(&disabled, Action::Read, &book(1)), Decision::Hidden);
    let court_elsewhere = Principal {
        office: OTHER_OFFICE,
        court: Some(COURT.to_owned()),
        ..user(Role::Court)
    };
    assert_eq!(
        decide(&court_elsewhere, Action::ReadFiled, &book(1)),
        Decision::Allowed,
        "the court's mandates, any office"
    );
    let no_court = user(Role::Court);
    assert_eq!(decide(&no_court, Action::Read, &book(1)), Decision::Hidden);
}

#[test]
fn roles_read_back_from_their_codes() {
    for role in Role::ALL {
        assert_eq!(Role::parse(role.code()), Some(role));
    }
    assert_eq!(Role::parse("admin"), Some(Role::Supervisor));
    assert_eq!(Role::parse("judge"), None);
}

#[test]
fn the_office_side_is_for_its_staff_and_only_supervisors_administer() {
    let office = OfficeId::new(1);
    let staff = |role| Principal {
        office,
        role,
        disabled: false,
        assigned_books: vec![],
        beneficiary: (role == Role::Beneficiary).then(|| BeneficiaryId::new(1)),
        court: (role == Role::Court).then(|| "Tribunal".to_owned()),
    };
    let supervisor = staff(Role::Supervisor);
    let counsellor = staff(Role::Counsellor);
    for action in [Action::Read, Action::Write, Action::Administer] {
        assert_eq!(decide_office(&supervisor, action, office), Decision::Allowed);
        assert_eq!(decide_office(&supervisor, action, OfficeId::new(2)), Decision::Hidden);
        assert_eq!(
            decide_office(&staff(Role::Beneficiary), action, office),
            Decision::Hidden
        );
        assert_eq!(decide_office(&staff(Role::Court), action, office), Decision::Hidden);
    }
    assert_eq!(decide_office(&counsellor, Action::Write, office), Decision::Allowed);
    assert_eq!(
        decide_office(&counsellor, Action::Administer, office),
        Decision::Forbidden
    );
    let disabled = Principal {
        disabled: true,
        ..supervisor
    };
    assert_eq!(decide_office(&disabled, Action::Read, office), Decision::Hidden);
}

#[test]
fn only_court_staff_are_decided_by_a_books_courts() {
    let actions = [
        Action::Read,
        Action::ReadFiled,
        Action::Write,
        Action::Review,
        Action::Administer,
    ];
    let without_courts = BookFacts {
        courts: Vec::new(),
        ..book(1)
    };
    for role in [Role::Supervisor, Role::Counsellor, Role::Beneficiary, Role::Court] {
        let user = Principal {
            assigned_books: vec![BookId::new(1)],
            beneficiary: Some(BeneficiaryId::new(1)),
            court: Some(COURT.to_owned()),
            ..user(role)
        };
        let differs = actions
            .iter()
            .any(|action| decide(&user, *action, &book(1)) != decide(&user, *action, &without_courts));
        assert_eq!(differs, needs_courts(&user), "{role:?}");
    }
}
