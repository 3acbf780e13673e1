//! `ayah-asi-server`: serve (the default), migrate, and the organisation's commands.

use std::process::ExitCode;

use ayah_asi_server::config::Config;
use ayah_asi_server::{accounts, db, http, ops, org, records, serve};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: ayah-asi-server [serve | migrate
    | puskesmas add NAME | posyandu add PUSKESMAS NAME | cadre add POSYANDU_ID NAME
    | district add NAME | puskesmas district PUSKESMAS DISTRICT
    | pairing-code CADRE_ID [FAMILY_ID] | revoke DEVICE_ID | family move FAMILY_ID CADRE_ID
    | backup FILE | restore FILE (into an empty database)
    | account add PUSKESMAS LOGIN ROLE NAME [POSYANDU_ID...]  (ROLE: admin, puskesmas, midwife,
      district: the district of PUSKESMAS)
    | account password LOGIN  (sets a forgotten password, unlocks, ends its sessions)
      (a password is read from the first line of standard input)]
environment: AYAH_ASI_DATABASE_URL (required), AYAH_ASI_LISTEN (127.0.0.1:8080), AYAH_ASI_POOL_SIZE (16), AYAH_ASI_PUSH_WRITERS (2 per CPU core),
    AYAH_ASI_REPLICA_URL (a streaming replica for the dashboard's reads), AYAH_ASI_PAIRING_PER_MINUTE (10), AYAH_ASI_SESSION_IDLE_MINUTES (30), AYAH_ASI_UTC_OFFSET_HOURS (7),
    AYAH_ASI_TLS_CERT and AYAH_ASI_TLS_KEY (PEM files: HTTPS), AYAH_ASI_CONNECTIONS_PER_ADDRESS (64),
    AYAH_ASI_TRUSTED_PROXY (addresses of reverse proxies), AYAH_ASI_METRICS_TOKEN";

fn main() -> ExitCode {
    start_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Logs to standard error, as text or (`AYAH_ASI_LOG_FORMAT=json`) one JSON object per
/// line, at `RUST_LOG`'s level (info unless set).
fn start_logging() {
    let mut filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // tokio-postgres logs each statement's parameters (names, notes) at debug: never,
    // whatever RUST_LOG asks.
    if let Ok(quiet) = "tokio_postgres=info".parse() {
        filter = filter.add_directive(quiet);
    }
    let logs = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter);
    if std::env::var("AYAH_ASI_LOG_FORMAT").as_deref() == Ok("json") {
        logs.json().init();
    } else {
        logs.init();
    }
}

fn id(text: &str) -> Result<i64, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not an id\n{USAGE}"))
}

async fn run(args: &[String]) -> Result<(), String> {
    let config = Config::read(|name| std::env::var(name).ok()).map_err(|e| e.to_string())?;
    let pool = db::pool(&config.database_url, config.pool_size).map_err(|e| e.to_string())?;
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["serve"] => serve(&config, pool).await,
        ["migrate"] => {
            let applied = db::migrate(&pool).await.map_err(|e| e.to_string())?;
            println!("{applied} migrations applied");
            Ok(())
        }
        ["puskesmas", "add", name] => {
            let id = org::add_puskesmas(&pool, name)
                .await
                .map_err(|e| e.to_string())?;
            println!("puskesmas {id}: {name}");
            Ok(())
        }
        ["district", "add", name] => {
            let id = org::add_district(&pool, name)
                .await
                .map_err(|e| e.to_string())?;
            println!("district {id}: {name}");
            Ok(())
        }
        ["puskesmas", "district", puskesmas, district] => {
            org::set_district(&pool, puskesmas, district)
                .await
                .map_err(|e| e.to_string())?;
            println!("puskesmas {puskesmas} is in district {district}");
            Ok(())
        }
        ["posyandu", "add", puskesmas, name] => {
            let id = org::add_posyandu(&pool, puskesmas, name)
                .await
                .map_err(|e| e.to_string())?;
            println!("posyandu {id}: {name}");
            Ok(())
        }
        ["cadre", "add", posyandu, name] => {
            let id = org::add_cadre(&pool, id(posyandu)?, name)
                .await
                .map_err(|e| e.to_string())?;
            println!("cadre {id}: {name}");
            Ok(())
        }
        ["pairing-code", cadre, rest @ ..] if rest.len() <= 1 => {
            let code = org::make_pairing_code(&pool, id(cadre)?, rest.first().copied())
                .await
                .map_err(|e| e.to_string())?;
            println!("{code}  (one use, valid {} hours)", org::CODE_HOURS);
            Ok(())
        }
        ["family", "move", family, to] => {
            let by = std::env::var("USER").unwrap_or_else(|_| "command line".to_owned());
            org::move_family(&pool, family, id(to)?, &by)
                .await
                .map_err(|e| e.to_string())?;
            println!("family {family} moved to cadre {to}");
            Ok(())
        }
        [
            "account",
            "add",
            puskesmas,
            login,
            role,
            name,
            posyandu @ ..,
        ] => add_account(&pool, puskesmas, login, role, name, posyandu).await,
        ["account", "password", login] => {
            let password = password_from_stdin()?;
            let ended =
                accounts::reset_password(&pool, None, login, &password, None, "command line")
                    .await
                    .map_err(|e| e.to_string())?;
            println!(
                "password of {login} set; the account is unlocked and {ended} session(s) ended"
            );
            Ok(())
        }
        ["backup", file] => {
            ops::backup(&config.database_url, std::path::Path::new(file))
                .map_err(|e| e.to_string())?;
            println!("backup written to {file}");
            Ok(())
        }
        ["restore", file] => {
            let migrated = ops::restore(&pool, &config.database_url, std::path::Path::new(file))
                .await
                .map_err(|e| e.to_string())?;
            println!("restored from {file} ({migrated} newer migrations applied)");
            Ok(())
        }
        ["revoke", device] => {
            org::revoke(&pool, id(device)?)
                .await
                .map_err(|e| e.to_string())?;
            println!("device {device} revoked");
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

/// A password from the first line of standard input (never an argument: those show
/// in the process list and the shell's history).
fn password_from_stdin() -> Result<String, String> {
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .map_err(|e| format!("reading the password: {e}"))?;
    Ok(password.trim_end_matches(['\r', '\n']).to_owned())
}

async fn add_account(
    pool: &deadpool_postgres::Pool,
    puskesmas: &str,
    login: &str,
    role: &str,
    name: &str,
    posyandu: &[&str],
) -> Result<(), String> {
    let role = accounts::Role::parse(role)
        .ok_or_else(|| format!("{role:?} is not a role: admin, puskesmas or midwife"))?;
    let posyandu = posyandu
        .iter()
        .map(|p| id(p))
        .collect::<Result<Vec<_>, _>>()?;
    let password = password_from_stdin()?;
    let puskesmas_id = accounts::puskesmas_id(pool, puskesmas)
        .await
        .map_err(|e| e.to_string())?;
    let id = accounts::add(pool, puskesmas_id, login, name, role, &password, &posyandu)
        .await
        .map_err(|e| e.to_string())?;
    accounts::audit(
        pool,
        None,
        "account-added",
        &format!("{login} ({})", role.id()),
        "command line",
    )
    .await
    .map_err(|e| e.to_string())?;
    println!("account {id}: {login} ({})", role.id());
    Ok(())
}

async fn serve(config: &Config, pool: deadpool_postgres::Pool) -> Result<(), String> {
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations: {e}"))?;
    let mut state = http::AppState::new(pool.clone(), http::Settings::from_config(config))
        .map_err(|e| format!("the locale files: {e}"))?;
    if let Some(url) = &config.replica_url {
        let replica = db::pool(url, config.pool_size).map_err(|e| format!("the replica: {e}"))?;
        tracing::info!("the dashboard reads from the replica while it answers");
        state = state.with_replica(replica);
    }
    let tls = match &config.tls {
        Some((cert, key)) => Some(
            serve::tls_acceptor(cert, key)
                .map_err(|e| format!("HTTPS with {} and {}: {e}", cert.display(), key.display()))?,
        ),
        None => None,
    };
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    if tls.is_some() {
        tracing::info!(address = %config.listen, "serving HTTPS");
    } else {
        tracing::info!(address = %config.listen, "serving HTTP (use HTTPS beyond this machine)");
    }
    tokio::spawn(erase_expired_daily(pool.clone(), config.retention_days));
    serve::serve(listener, state, tls, stopped())
        .await
        .map_err(|e| e.to_string())
}

/// The server's retention: once at start and then every day, every family whose last
/// record arrived more than `keep_days` ago is erased (`records::erase_expired`).
async fn erase_expired_daily(pool: deadpool_postgres::Pool, keep_days: u32) {
    let mut daily = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
    loop {
        daily.tick().await;
        match records::erase_expired(&pool, chrono::Utc::now(), keep_days).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, keep_days, "families past their retention erased"),
            Err(error) => {
                tracing::error!(%error, "the retention could not run; it tries again tomorrow")
            }
        }
    }
}

/// SIGTERM or Ctrl-C: stop accepting; requests in flight finish (a push commits whole or
/// not at all).
async fn stopped() {
    let interrupt = tokio::signal::ctrl_c();
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut terminate) => {
            tokio::select! {
                _ = interrupt => {}
                _ = terminate.recv() => {}
            }
        }
        Err(_) => {
            let _ = interrupt.await;
        }
    }
    tracing::info!("stopping");
}
