/**
 * The facts a rule matches besides the pilot's own model: values the library derives once per
 * evaluation in plain Java (the gate's frame in {@link dev.pilotgate.facts.GateContext}, each data
 * source's audit in {@link dev.pilotgate.facts.SourceAudit}, each device's reading offset in
 * {@link dev.pilotgate.facts.DeviceReading}, what a playbook lacks in
 * {@link dev.pilotgate.facts.PlaybookGaps}), and {@link dev.pilotgate.facts.Findings}, the one call
 * through which a rule reports a finding.
 *
 * <p>Together with {@code dev.pilotgate.model}, {@code dev.pilotgate.decision} and
 * {@code dev.pilotgate.policy}, this package is what a rule file may import: the rule author's
 * contract (docs/rules.md, "Writing a rule"). Stable: a field is added, never renamed or removed,
 * within a major version. The records are immutable and thread-safe. Depends on neither Drools nor
 * Jackson nor the implementation (an architecture test holds it to that).
 */
package dev.pilotgate.facts;
