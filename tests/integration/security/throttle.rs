//! Finding 6 (medium-low): 20 concurrent sign-ins for one login were all checked, and the right
//! password among them signed in. The throttle now counts a try before the password is hashed.

use gestio::domain::access::Role;
use gestio::domain::session::FAILURES_PER_LOGIN;
use serde_json::json;

use crate::common::{PASSWORD, TestApp, Tie, open_case};

crate::backend_tests! {
    async fn concurrent_sign_ins_for_one_login_are_counted_before_they_are_checked(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Ana Costa", "LU120010001234567891").await;
        app.add_user(case.office, "marie", Role::Counsellor, Tie::None, &[case.book]).await;
        let mut tries = tokio::task::JoinSet::new();
        for attempt in 0..20 {
            let url = app.url("/api/v1/session");
            let password = if attempt == 19 { PASSWORD.to_owned() } else { format!("guess number {attempt}") };
            tries.spawn(async move {
                reqwest::Client::new().post(url).json(&json!({ "login": "marie", "password": password }))
                    .send().await.unwrap().status().as_u16()
            });
        }
        let statuses = tries.join_all().await;
        let checked = statuses.iter().filter(|status| **status != 429).count();
        assert!(checked <= FAILURES_PER_LOGIN as usize, "{checked} of 20 tries were checked: {statuses:?}");
    }
}
