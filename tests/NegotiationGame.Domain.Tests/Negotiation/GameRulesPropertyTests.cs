using CsCheck;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Negotiation;

public sealed class GameRulesPropertyTests
{
    // Mostly valid parties and offers, with a few out of range so that refusals are exercised too; answers
    // outnumber new offers so that agreements are actually reached.
    private static readonly Gen<int> AnyParty = Gen.Frequency((12, Gen.Int[0, 3]), (1, Gen.Int[-1, 4]));
    private static readonly Gen<int> AnyOfferId = Gen.Int[0, 7];
    private static readonly Gen<Package> AnyPackage =
        Gen.Int[0, 3].Array[3].Select(Gen.Int[0, 7], (options, mask) =>
            Enumerable.Range(0, 3).Where(issue => (mask & (1 << issue)) != 0).Aggregate(Outcomes.Package.Empty, (package, issue) => package.With(issue, options[issue])));

    private static readonly Gen<PartySet> AnyAddressees = Gen.Frequency(
        (3, Gen.Int[0, 3].Select(PartySet.Of)),
        (1, Gen.Int[0, 15].Select(bits => new PartySet((ushort)bits))));

    private static readonly Gen<GameCommand> AnyCommand = Gen.Frequency<GameCommand>(
        (9, Gen.Select(AnyParty, AnyPackage, AnyAddressees, Gen.Int[0, 2], (party, package, addressees, expiry) => (GameCommand)new TableOffer(party, package, addressees, expiry == 0 ? null : expiry))),
        (20, Gen.Select(AnyParty, AnyOfferId, (party, offer) => (GameCommand)new AcceptOffer(party, offer))),
        (2, Gen.Select(AnyParty, AnyOfferId, (party, offer) => (GameCommand)new RejectOffer(party, offer))),
        (2, Gen.Select(AnyParty, AnyOfferId, AnyPackage, (party, offer, package) => (GameCommand)new CounterOffer(party, offer, package))),
        (2, Gen.Select(AnyParty, AnyOfferId, (party, offer) => (GameCommand)new WithdrawOffer(party, offer))),
        (8, Gen.Select(AnyParty, AnyOfferId, (party, offer) => (GameCommand)new SignAgreement(party, offer))),
        (1, AnyParty.Select(party => (GameCommand)new WalkAway(party))),
        (1, Gen.Const<GameCommand>(new AdvanceRound())),
        (1, Gen.Const<GameCommand>(new StartNegotiation())),
        (1, Gen.Int[0, 60].Select(minutes => (GameCommand)new PauseClock(Nine.AddMinutes(minutes)))),
        (1, Gen.Int[0, 60].Select(minutes => (GameCommand)new ResumeClock(Nine.AddMinutes(minutes)))),
        (1, Gen.Int[-5, 5].Select(minutes => (GameCommand)new ExtendDeadline(TimeSpan.FromMinutes(minutes)))),
        (1, Gen.Int[0, 60].Select(minutes => (GameCommand)new ReachDeadline(Nine.AddMinutes(minutes)))),
        (1, Gen.Int[0, 60].Select(minutes => (GameCommand)new AdvanceRound(Nine.AddMinutes(minutes)))),
        (1, Gen.String[0, 8].Select(headline => (GameCommand)new InjectNews(headline, "News."))),
        (1, Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], Gen.Bool, (round, headline, schedule) => schedule
            ? (GameCommand)new ScheduleNews(round, new[] { "Oil", "Gas", "" }[headline], "Scheduled.")
            : new CancelScheduledNews(round, new[] { "Oil", "Gas", "" }[headline]))));

    private static readonly DateTimeOffset Nine = new(2025, 2, 12, 9, 0, 0, TimeSpan.Zero);

    private static readonly Gen<GameCommand[]> Sessions = AnyCommand.Array[1, 60];

    [Fact]
    public void The_same_commands_always_produce_the_same_events_and_state()
    {
        Property.ForAll(Sessions, iterations: 500, seed: 2022, commands =>
        {
            var (firstLog, firstState) = Play(commands);
            var (secondLog, secondState) = Play(commands);

            Assert.Equal(firstLog, secondLog);
            Assert.Equal(GameStateHash.Compute(firstState), GameStateHash.Compute(secondState));
        });
    }

    [Fact]
    public void A_refused_command_changes_nothing_and_the_state_is_the_fold_of_the_accepted_events()
    {
        var agreements = 0;
        var refusals = 0;
        Property.ForAll(Sessions, iterations: 500, seed: 2014, commands =>
        {
            var state = Start();
            var log = new List<GameEvent>();
            foreach (var command in commands)
            {
                var before = GameStateHash.Compute(state);
                var decision = GameRules.Decide(state, command);
                Assert.Equal(before, GameStateHash.Compute(state));
                if (!decision.IsAccepted)
                {
                    refusals++;
                    Assert.Empty(decision.Events);
                    Assert.True(Enum.IsDefined(decision.Violation.Code));
                    continue;
                }

                state = GameRules.ApplyAll(state, decision.Events);
                log.AddRange(decision.Events);
                agreements += decision.Events.Count(e => e is AgreementConcluded);
            }

            Assert.Equal(GameStateHash.Compute(state), GameStateHash.Compute(GameRules.ApplyAll(Start(), log)));
        });

        // The generator must reach both sides of the rules, or the property proves little.
        Assert.True(agreements > 50, $"only {agreements} agreements were concluded");
        Assert.True(refusals > 500, $"only {refusals} commands were refused");
    }

    [Fact]
    public void Final_scores_stay_between_zero_and_one_hundred_and_binding_issues_have_all_their_signatures()
    {
        Property.ForAll(Sessions, iterations: 500, seed: 2025, commands =>
        {
            var (log, state) = Play([.. commands, new EndGame()]);

            var ended = Assert.IsType<GameEnded>(log[^1]);
            Assert.All(ended.Scores, score => Assert.InRange(score, 0, 100));
            for (var issue = 0; issue < state.Settlements.Length; issue++)
            {
                if (state.Settlements[issue] is { IsBinding: true } settlement)
                {
                    Assert.True(settlement.Signatories.IsSupersetOf(state.Scenario.Issues[issue].RequiredSignatories(settlement.Option)));
                }
            }
        });
    }

    private static GameState Start() => GameRules.ApplyAll(
        GameState.Start(MiniTalks(), new GameTiming(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10))),
        [new NegotiationStarted(), new DeadlineSet(Nine.AddMinutes(10))]);

    private static (List<GameEvent> Log, GameState State) Play(IEnumerable<GameCommand> commands)
    {
        var state = Start();
        var log = new List<GameEvent>();
        foreach (var command in commands)
        {
            var decision = GameRules.Decide(state, command);
            state = GameRules.ApplyAll(state, decision.Events);
            log.AddRange(decision.Events);
        }

        return (log, state);
    }
}
