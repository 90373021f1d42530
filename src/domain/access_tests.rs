use super::*;

const OFFICE: OfficeId = OfficeId::new(1);
const OTHER_OFFICE: OfficeId = OfficeId::new(2);
const COURT: CourtId = CourtId::new(7);
const OTHER_COURT: CourtId = CourtId::new(8);

fn book(number: i64) -> BookFacts {
    BookFacts {
        book: BookId::new(number),
        office: OFFICE,
        beneficiary: BeneficiaryId::new(number),
        courts: vec![COURT],
    }
}

fn user(role: Role) -> Principal {
    Principal {
        office: role.has_office().then_some(OFFICE),
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
        court: Some(COURT),
        ..user(Role::Court)
    };
    // Another court, whatever its name: courts are compared by record, never by text.
    let other_court = Principal {
        court: Some(OTHER_COURT),
        ..user(Role::Court)
    };
    let administrator = user(Role::Administrator);
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
        (&administrator, 1, Hidden, Hidden, Hidden),
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
        office: Some(OTHER_OFFICE),
        ..user(Role::Supervisor)
    };
    assert_eq!(decide(&elsewhere, Action::Read, &book(1)), Decision::Hidden);
    let disabled = Principal {
        disabled: true,
        ..user(Role::Supervisor)
    };
    assert_eq!(decide(&disabled, Action::Read, &book(1)), Decision::Hidden);
    let court = Principal {
        court: Some(COURT),
        ..user(Role::Court)
    };
    let elsewhere = BookFacts {
        office: OTHER_OFFICE,
        ..book(1)
    };
    assert_eq!(
        decide(&court, Action::ReadFiled, &elsewhere),
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
    assert_eq!(Role::parse("admin"), None, "no longer a supervisor's other name");
    assert_eq!(Role::parse("judge"), None);
    assert!(!Role::Court.has_office() && !Role::Administrator.has_office());
}

#[test]
fn the_office_side_is_for_its_staff_and_only_supervisors_administer() {
    let office = OfficeId::new(1);
    let staff = |role: Role| Principal {
        office: role.has_office().then_some(office),
        role,
        disabled: false,
        assigned_books: vec![],
        beneficiary: (role == Role::Beneficiary).then(|| BeneficiaryId::new(1)),
        court: (role == Role::Court).then_some(COURT),
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
        assert_eq!(
            decide_office(&staff(Role::Administrator), action, office),
            Decision::Hidden
        );
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
    for role in Role::ALL {
        let user = Principal {
            assigned_books: vec![BookId::new(1)],
            beneficiary: Some(BeneficiaryId::new(1)),
            court: Some(COURT),
            ..user(role)
        };
        let differs = actions
            .iter()
            .any(|action| decide(&user, *action, &book(1)) != decide(&user, *action, &without_courts));
        assert_eq!(differs, needs_courts(&user), "{role:?}");
    }
}

#[test]
fn only_the_administrator_keeps_the_courts() {
    for role in Role::ALL {
        let expected = if role == Role::Administrator {
            Decision::Allowed
        } else {
            Decision::Hidden
        };
        assert_eq!(decide_instance(&user(role)), expected, "{role:?}");
    }
    let disabled = Principal {
        disabled: true,
        ..user(Role::Administrator)
    };
    assert_eq!(decide_instance(&disabled), Decision::Hidden);
}
