using System.Linq;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>The sample the front-desk tests start from keeps every rule, so a refusal is the change's fault.</summary>
public class FrontDeskSampleTests
{
    [Fact]
    public void The_sample_dataset_keeps_every_consistency_rule()
    {
        var violations = new DatasetValidator().Validate(FrontDeskSample.Create()).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
