using Orleans.Hosting.Kubernetes;

namespace NegotiationGame.Host.Cluster;

/// <summary>
/// The pod a node runs in, from the environment the kubelet and the Deployment's downward API give it
/// (deploy/kubernetes/deployment.yaml): null anywhere else, so that a node outside Kubernetes never tries to reach an
/// API server. Inside, the node uses Orleans' Kubernetes hosting and advertises the pod's IP unless told otherwise.
/// </summary>
internal sealed record KubernetesPod(string Name, string Namespace, string? Address)
{
    /// <summary>Set by the kubelet in every container: the API server is there to be asked.</summary>
    public const string ApiServerVariable = "KUBERNETES_SERVICE_HOST";

    public static KubernetesPod? Current => From(Environment.GetEnvironmentVariable);

    /// <summary>The pod, when both the kubelet's API server and the manifest's POD_NAMESPACE are in <paramref name="variable"/>.</summary>
    public static KubernetesPod? From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (string.IsNullOrWhiteSpace(variable(ApiServerVariable))
            || variable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable) is not { Length: > 0 } podNamespace)
        {
            return null;
        }

        return new KubernetesPod(
            variable(KubernetesHostingOptions.PodNameEnvironmentVariable) ?? Environment.MachineName,
            podNamespace,
            variable(KubernetesHostingOptions.PodIPEnvironmentVariable));
    }
}
