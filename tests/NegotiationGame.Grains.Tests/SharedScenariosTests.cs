using System.Runtime.CompilerServices;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;
using NegotiationGame.Scenarios;

namespace NegotiationGame.Grains.Tests;

/// <summary>The process-wide scenario cache: shared while in use, and not a place where texts pile up.</summary>
public sealed class SharedScenariosTests
{
    private static readonly string Festival = BundledScenarios.FindJson("harbour-festival")!;

    [Fact]
    public void The_same_text_loaded_twice_while_in_use_gives_one_scenario_and_one_copy_of_its_json()
    {
        var text = Festival + "\n\n";
        var (firstJson, first) = SharedScenarios.Load(text);

        var (secondJson, second) = SharedScenarios.Load(new string(text.AsSpan()));

        Assert.Same(first, second);
        Assert.Same(firstJson, secondJson);
    }

    [Fact]
    public void Five_hundred_texts_that_nothing_holds_any_more_do_not_stay_in_the_cache()
    {
        for (var batch = 0; batch < 25; batch++)
        {
            LoadAndDrop(batch * 20, 20);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Without the sweep all 500 texts stay; with it, what is left is the last stretch and what other tests use.
        Assert.InRange(SharedScenarios.Count, 0, 200);
    }

    [Fact]
    public void A_scenario_still_in_use_survives_the_sweep_and_is_shared_after_it()
    {
        var text = Festival + "\n\n\n";
        var (_, held) = SharedScenarios.Load(text);

        for (var batch = 0; batch < 10; batch++)
        {
            LoadAndDrop(10_000 + batch * 20, 20);
            GC.Collect();
        }

        Assert.Same(held, SharedScenarios.Load(new string(text.AsSpan())).Scenario);
    }

    /// <summary>Loads distinct texts (the festival with trailing spaces) and keeps nothing of them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadAndDrop(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            Assert.IsType<Scenario>(SharedScenarios.Load(Festival + new string(' ', i + 4)).Scenario);
        }
    }
}
