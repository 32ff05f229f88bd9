//! Testee over the contract file itself (reference/seed): the oracle of oracles.

fn main() -> std::io::Result<()> {
    jamjet_testee::serve(jamjet_testee::handler!(
        jamjet_seed,
        jamjet_testee::Envelope<jamjet_seed::Event>
    ))
}
