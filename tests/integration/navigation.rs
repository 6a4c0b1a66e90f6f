//! The navigation never leads anyone to a refusal: for every demo role, each link of the main
//! navigation answers 200.

use crate::support::{Client, Registry};

#[test]
fn every_navigation_link_opens_for_every_role() {
    let reg = Registry::sqlite();
    let server = reg.serve(&[]);
    for role in ["admin", "hr", "manager", "staff", "auditor"] {
        let mut client = Client::new(&server);
        client.login(role, &format!("demo-{role}"));
        let home = client.get("/");
        assert_eq!(home.status, 200, "{role}: {}", home.body);
        let nav = home
            .body
            .split("class=\"main-nav\"")
            .nth(1)
            .and_then(|rest| rest.split("</nav>").next())
            .expect("the main navigation")
            .to_string();
        let links: Vec<String> = nav
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(str::to_string)
            .collect();
        assert!(links.len() >= 5, "{role}: too few links: {links:?}");
        for link in links {
            let page = client.get(&link);
            assert_eq!(page.status, 200, "{role}: {link} answered {}", page.status);
        }
    }
}
