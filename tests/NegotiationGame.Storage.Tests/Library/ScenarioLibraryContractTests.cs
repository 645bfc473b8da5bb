using NegotiationGame.Storage.Library;

namespace NegotiationGame.Storage.Tests.Library;

/// <summary>What every scenario library must do; each implementation (in memory, SQLite, PostgreSQL) runs it through a subclass.</summary>
public abstract class ScenarioLibraryContractTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    protected abstract IScenarioLibrary Library { get; }

    protected static LibraryScenario Scenario(string json, string uploadedBy = "Seminar 3", DateTimeOffset? at = null) =>
        new(new LibraryEntry(ScenarioContentHash.Of(json), "garden-wall", "The Garden Wall", uploadedBy, at ?? Monday), json);

    [Fact]
    public async Task An_added_scenario_is_listed_and_found_with_its_text_unchanged()
    {
        var scenario = Scenario("{ \"id\": \"garden-wall\", \"note\": \"ünïcode – kept\" }");

        var added = await Library.AddAsync(scenario, maxEntries: 10);

        Assert.Equal(new LibraryAddOutcome(LibraryAddResult.Added, scenario.Entry), added);
        Assert.Equal([scenario.Entry], await Library.ListAsync());
        Assert.Equal(scenario, await Library.FindAsync(scenario.Entry.ContentHash));
        Assert.Null(await Library.FindAsync(ScenarioContentHash.Of("other")));
    }

    [Fact]
    public async Task The_same_text_twice_is_one_entry_that_keeps_its_first_uploader()
    {
        var first = Scenario("{ }", "Seminar 3", Monday);
        await Library.AddAsync(first, maxEntries: 10);

        var again = await Library.AddAsync(Scenario("{ }", "instructor", Monday.AddDays(1)), maxEntries: 10);

        Assert.Equal(new LibraryAddOutcome(LibraryAddResult.AlreadyStored, first.Entry), again);
        Assert.Equal([first.Entry], await Library.ListAsync());
    }

    [Fact]
    public async Task A_full_library_refuses_a_new_text_but_still_answers_for_a_stored_one()
    {
        var stored = Scenario("{ \"n\": 1 }");
        await Library.AddAsync(stored, maxEntries: 2);
        await Library.AddAsync(Scenario("{ \"n\": 2 }", at: Monday.AddMinutes(1)), maxEntries: 2);

        var refused = await Library.AddAsync(Scenario("{ \"n\": 3 }"), maxEntries: 2);
        var repeated = await Library.AddAsync(stored, maxEntries: 2);

        Assert.Equal(new LibraryAddOutcome(LibraryAddResult.Full, null), refused);
        Assert.Equal(LibraryAddResult.AlreadyStored, repeated.Result);
        Assert.Equal(2, (await Library.ListAsync()).Count);
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_and_a_removed_one_is_gone()
    {
        var older = Scenario("{ \"n\": 1 }", at: Monday);
        var newer = Scenario("{ \"n\": 2 }", at: Monday.AddHours(2));
        await Library.AddAsync(older, maxEntries: 10);
        await Library.AddAsync(newer, maxEntries: 10);

        Assert.Equal([newer.Entry, older.Entry], await Library.ListAsync());
        Assert.True(await Library.RemoveAsync(newer.Entry.ContentHash));
        Assert.False(await Library.RemoveAsync(newer.Entry.ContentHash));
        Assert.Equal([older.Entry], await Library.ListAsync());
        Assert.Null(await Library.FindAsync(newer.Entry.ContentHash));
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_utf8_text_in_lower_case_hex()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ScenarioContentHash.Of(string.Empty));
        Assert.True(ScenarioContentHash.IsHash(ScenarioContentHash.Of("x")));
        Assert.False(ScenarioContentHash.IsHash("ukraine-2025"));
    }
}
