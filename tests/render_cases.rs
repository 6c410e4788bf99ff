//! Every `fixtures/render/*.yaml` is rendered and its output snapshotted. A case sets its
//! command line and environment in leading comments:
//!
//! ```yaml
//! # args: --set duration=12.5 --format json
//! # env: CRM_TOKEN=s3cret
//! ```

use crate::harness::{Test, fixture_header, root};

#[test]
fn render_cases() {
    insta::glob!("../fixtures/render", "*.yaml", |path| {
        let relative = path
            .strip_prefix(root())
            .expect("fixture is in the repository");
        let run = Test::new()
            .args(["render", "--color", "never"])
            .args([relative])
            .fixture(&fixture_header(path))
            .run();
        insta::assert_snapshot!(run.transcript());
    });
}
