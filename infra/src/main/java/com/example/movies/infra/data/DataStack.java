package com.example.movies.infra.data;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IDatabaseInstance;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import com.example.movies.infra.DeploymentParameters;
import com.example.movies.infra.Placement;
import com.example.movies.infra.SharedValue;
import com.example.movies.infra.monitoring.Alarms;

/**
 * State that outlives the API's tasks: PostgreSQL (RDS, see infra/README.md for why not
 * Aurora) with its generated credentials, and the API's generated secrets (JWT signing
 * key, password-reset key, initial admin password, the e2e user's password). Who may
 * reach the database is decided by the API stack, which opens the database's security
 * group to its tasks.
 */
public final class DataStack extends Stack {

    public record Props(String namePrefix, Placement placement, DeploymentParameters.Database database) {
    }

    /**
     * What the API takes from here: the database (to open its security group to the
     * tasks), its credentials and the connection pool per task, and the API's generated
     * secrets.
     */
    public record ApiData(IDatabaseInstance database, ISecret credentials, int poolSizePerTask, ISecret jwtSigningKey,
            ISecret passwordResetKey, ISecret adminPassword, ISecret e2eUserPassword) {
    }

    /**
     * Fixed rather than read back from the instance, so security-group rules carry a
     * literal port.
     */
    public static final int POSTGRES_PORT = 5432;

    public static final int BACKUP_RETENTION_DAYS = 7;

    private final DatabaseInstance database;

    private final Secret jwtSigningKey;

    private final Secret passwordResetKey;

    private final Secret adminPassword;

    private final Secret e2eUserPassword;

    private final int poolSizePerTask;

    public DataStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        poolSizePerTask = props.database().poolSizePerTask();

        database = DatabaseInstance.Builder.create(this, "Database")
            .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                // RDS picks the current 17.x minor and keeps it patched.
                .version(PostgresEngineVersion.VER_17)
                .build()))
            .instanceType(InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON,
                    InstanceSize.valueOf(props.database().size().toUpperCase(java.util.Locale.ROOT))))
            .vpc(props.placement().vpc())
            .vpcSubnets(props.placement().subnets())
            .publiclyAccessible(false)
            .port(POSTGRES_PORT)
            .credentials(Credentials.fromGeneratedSecret("movies"))
            .databaseName("movies")
            .storageType(StorageType.GP3)
            .allocatedStorage(20)
            .maxAllocatedStorage(100)
            .storageEncrypted(true)
            .multiAz(props.database().multiAz())
            // Daily automated backups with point-in-time restore, kept 7 days, and kept
            // even after the instance is deleted; deletion protection makes deleting it
            // a deliberate two-step act (see infra/README.md).
            .backupRetention(Duration.days(BACKUP_RETENTION_DAYS))
            .deleteAutomatedBackups(false)
            .copyTagsToSnapshot(true)
            .deletionProtection(true)
            // And a final snapshot when it is deleted through CloudFormation.
            .removalPolicy(RemovalPolicy.SNAPSHOT)
            .build();
        if (!props.database().multiAz()) {
            NagSuppressions.addResourceSuppressions(database, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-RDS3")
                .reason("The dev preset: single-AZ keeps the idle cost at one instance; recovery is from the 7-day automated backups (point-in-time restore). The production preset has a standby (multiAzDatabase).")
                .build()));
        }
        NagSuppressions.addResourceSuppressions(database, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-RDS11")
            .reason("The standard PostgreSQL port is kept: a different port hides nothing, the security group admits only the API tasks.")
            .build(),
                // Applies to the generated credentials secret, a child of the instance.
                NagPackSuppression.builder()
                    .id("AwsSolutions-SMG4")
                    .reason("ECS injects the credentials into the API tasks at start only; rotation would break running tasks' new connections until they are replaced. Rotate by hand with a service redeploy.")
                    .build()),
                true);

        jwtSigningKey = generatedSecret("JwtSigningKey", "HS256 signing key of the movies API's JWTs", 64,
                "Rotating the signing key invalidates every issued token; it is rotated by hand (new secret value, then a service redeploy).");
        passwordResetKey = generatedSecret("PasswordResetKey", "HMAC key of the movies API's password-reset links", 64,
                "Rotating the key voids the reset links in flight and nothing else; it is rotated by hand (new secret value, then a service redeploy).");
        adminPassword = generatedSecret("AdminPassword", "Initial password of the movies API's admin user", 24,
                "The API uses it only to create the admin user on first start; the admin changes the password in the app afterwards.");
        Alarms alarms = new Alarms(this, props.namePrefix());
        alarms.above("DatabaseCpu", database.metricCPUUtilization(), 80, 3,
                "The database's CPU was at 80 % or more for 15 minutes.");
        alarms.below("DatabaseFreeStorage", database.metricFreeStorageSpace(), 2L * 1024 * 1024 * 1024, 1,
                "The database has 2 GiB of storage or less left (it grows by itself up to 100 GiB).");
        alarms.above("DatabaseConnections", database.metricDatabaseConnections(),
                Math.floor(props.database().connectionLimit() * 0.8), 2,
                "The database's connections reached 80 % of what a db.t4g." + props.database().size() + " admits.");
        alarms.below("DatabaseCpuCredits", database.metric("CPUCreditBalance"), 20, 3,
                "The burstable database has 20 CPU credits or fewer left: it will soon be held to its baseline.");

        e2eUserPassword = generatedSecret("E2eUserPassword",
                "Password of the staff user the deployed e2e suite signs in as (the pipeline reads it)", 32,
                "The API sets the e2e user's password from it at each start: rotate it by hand (new value, then a service redeploy).");
        SharedValue.DATABASE_INSTANCE_ID.publish(this, props.namePrefix(), database.getInstanceIdentifier());
        SharedValue.E2E_USER_SECRET_ARN.publish(this, props.namePrefix(), e2eUserPassword.getSecretArn());
        CfnOutput.Builder.create(this, "AdminPasswordSecretArn")
            .value(adminPassword.getSecretArn())
            .description("Secrets Manager secret holding the initial password of the API's admin user")
            .build();
    }

    private Secret generatedSecret(String id, String description, int length, String whyNoRotation) {
        Secret secret = Secret.Builder.create(this, id)
            .description(description)
            .generateSecretString(SecretStringGenerator.builder()
                .passwordLength(length)
                // Safe in any header, URL or shell the value may pass through.
                .excludePunctuation(true)
                .requireEachIncludedType(true)
                .build())
            .build();
        NagSuppressions.addResourceSuppressions(secret,
                List.of(NagPackSuppression.builder().id("AwsSolutions-SMG4").reason(whyNoRotation).build()));
        return secret;
    }

    /** What the API stack takes from here. */
    public ApiData forApi() {
        // The credentials secret's JSON fields: host, port, dbname, username, password.
        return new ApiData(database, database.getSecret(), poolSizePerTask, jwtSigningKey, passwordResetKey,
                adminPassword, e2eUserPassword);
    }

}
