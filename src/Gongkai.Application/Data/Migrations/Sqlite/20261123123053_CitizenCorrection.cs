using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenCorrection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reply",
                table: "RequestCorrections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reply",
                table: "RequestCorrections");
        }
    }
}
