//! The labelled sample of real-world shapes (tests/fixtures/sample): precision and recall.
//!
//! `LABELS` lists every finding a careful reviewer expects, one `path:line rule/id` per line.
//! A label prefixed `miss ` is expected but not found today (a known false negative); a line
//! prefixed `fp ` is found but wrong (a known false positive). The test asserts the exact set,
//! so any change in behaviour — better or worse — shows up here and the labels are updated on
//! purpose. `version-inconsistent` is left out: the sample pins many versions by design.

mod common;

use std::collections::BTreeSet;

const DIR: &str = "tests/fixtures/sample";

#[test]
fn labelled_sample_precision_and_recall() {
    let (doc, _) = common::json(&[DIR]);
    let found: BTreeSet<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] != "version-inconsistent")
        .map(|f| {
            let path = f["path"]
                .as_str()
                .unwrap()
                .strip_prefix(&format!("{DIR}/"))
                .unwrap()
                .to_string();
            format!(
                "{path}:{} {}/{}",
                f["span"]["start"]["line"],
                f["rule"].as_str().unwrap(),
                f["id"].as_str().unwrap()
            )
        })
        .collect();
    let labels = std::fs::read_to_string(format!("{DIR}/LABELS")).expect("LABELS file");
    let (mut expected, mut misses, mut fps) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for line in labels
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(l) = line.strip_prefix("miss ") {
            misses.insert(l.to_string());
            expected.insert(l.to_string());
        } else if let Some(l) = line.strip_prefix("fp ") {
            fps.insert(l.to_string());
        } else {
            expected.insert(line.to_string());
        }
    }
    let tp = found.intersection(&expected).count();
    let fp = found.difference(&expected).count();
    let fn_ = expected.difference(&found).count();
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "sample: {} labels, tp={tp} fp={fp} fn={fn_}, precision={precision:.3} recall={recall:.3}",
        expected.len()
    );
    let unexpected: Vec<_> = found
        .difference(&expected)
        .filter(|f| !fps.contains(*f))
        .collect();
    let newly_missed: Vec<_> = expected
        .difference(&found)
        .filter(|f| !misses.contains(*f))
        .collect();
    let fixed_misses: Vec<_> = misses.iter().filter(|m| found.contains(*m)).collect();
    let gone_fps: Vec<_> = fps.iter().filter(|f| !found.contains(*f)).collect();
    assert!(
        unexpected.is_empty()
            && newly_missed.is_empty()
            && fixed_misses.is_empty()
            && gone_fps.is_empty(),
        "sample changed:\n  new false positives: {unexpected:#?}\n  new misses: {newly_missed:#?}\n  misses now found (update LABELS): {fixed_misses:#?}\n  false positives gone (update LABELS): {gone_fps:#?}"
    );
    assert!(!expected.is_empty());
}
