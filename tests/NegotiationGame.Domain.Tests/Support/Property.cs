using CsCheck;

namespace NegotiationGame.Domain.Tests.Support;

/// <summary>
/// Runs a property over values drawn from a CsCheck generator with a fixed seed, so every run of the suite
/// checks the same cases and a failure names the iteration that reproduces it.
/// </summary>
internal static class Property
{
    public static void ForAll<T>(Gen<T> gen, int iterations, ulong seed, Action<T> check)
    {
        var random = new PCG(1, seed);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var value = gen.Generate(random, null!, out _);
            try
            {
                check(value);
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Property failed at iteration {iteration} (seed {seed}) for {value}:{Environment.NewLine}{exception.Message}");
            }
        }
    }
}
