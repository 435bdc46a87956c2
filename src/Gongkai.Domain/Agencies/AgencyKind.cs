namespace Gongkai.Domain.Agencies;

/// <summary>What kind of body an agency is; it decides which 条例第二十一条 topics its column carries.</summary>
public enum AgencyKind
{
    /// <summary>A city or county government (设区的市级、县级人民政府) — hosts its departments and townships.</summary>
    Government = 0,
    /// <summary>A government department (政府部门).</summary>
    Department = 1,
    /// <summary>A township or sub-district (乡镇、街道).</summary>
    Township = 2,
    /// <summary>The platform's own root (a city platform hosting several counties: 集约化).</summary>
    Platform = 3,
}
