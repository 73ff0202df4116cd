namespace HealthMock.Commands;

/// <summary>The parameter set names of front-desk cmdlets that take a dataset folder or a dataset object.</summary>
internal static class FrontDeskCommandSets
{
    /// <summary>The dataset is a folder given by -Path.</summary>
    public const string Path = "Path";

    /// <summary>The dataset is an object given by -Dataset.</summary>
    public const string Dataset = "Dataset";
}
