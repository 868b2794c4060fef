//! Per-client request budgets: a token bucket per client address. A read costs one
//! token, an ingest [`WRITE_COST`]: uploads run the whole annotation pipeline.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Tokens an ingest request costs.
pub const WRITE_COST: f64 = 10.0;

/// Clients not heard from for this long are forgotten, so the table stays small.
const FORGET_AFTER: Duration = Duration::from_secs(600);

/// Token buckets by client address.
#[derive(Debug)]
pub struct RateLimiter {
    /// Tokens added per second; 0 turns the limiter off.
    rate: f64,
    /// Most tokens a bucket holds: the burst a client may spend at once.
    burst: f64,
    buckets: Mutex<Buckets>,
}

#[derive(Debug, Default)]
struct Buckets {
    by_client: HashMap<IpAddr, (f64, Instant)>,
    last_sweep: Option<Instant>,
}

impl RateLimiter {
    /// A limiter refilling `rate` tokens a second up to `burst`; `rate` 0 allows all.
    pub fn new(rate: f64, burst: f64) -> Self {
        RateLimiter {
            rate,
            burst: burst.max(WRITE_COST),
            buckets: Mutex::new(Buckets::default()),
        }
    }

    /// Takes `cost` tokens from the client's bucket; `Err(wait)` when it has too few,
    /// with how long until it has enough.
    pub fn take(&self, client: IpAddr, cost: f64, now: Instant) -> Result<(), Duration> {
        if self.rate <= 0.0 {
            return Ok(());
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets
            .last_sweep
            .is_none_or(|t| now.duration_since(t) > FORGET_AFTER)
        {
            buckets
                .by_client
                .retain(|_, (_, seen)| now.duration_since(*seen) < FORGET_AFTER);
            buckets.last_sweep = Some(now);
        }
        let (tokens, seen) = buckets.by_client.entry(client).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*seen).as_secs_f64() * self.rate).min(self.burst);
        *seen = now;
        if *tokens >= cost {
            *tokens -= cost;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((cost - *tokens) / self.rate))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_burst_then_the_rate_and_others_are_not_touched() {
        let limiter = RateLimiter::new(10.0, 20.0);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..20 {
            assert!(limiter.take(a, 1.0, t0).is_ok());
        }
        let wait = limiter.take(a, 1.0, t0).unwrap_err();
        assert!(wait <= Duration::from_millis(100) && wait > Duration::ZERO);
        assert!(
            limiter.take(b, 1.0, t0).is_ok(),
            "another client has its own bucket"
        );
        // A tenth of a second later a tenth of the rate is back: one request.
        let later = t0 + Duration::from_millis(100);
        assert!(limiter.take(a, 1.0, later).is_ok());
        assert!(limiter.take(a, 1.0, later).is_err());
    }

    #[test]
    fn writes_cost_more_than_reads_and_a_zero_rate_is_off() {
        let limiter = RateLimiter::new(1.0, 10.0);
        let a: IpAddr = "::1".parse().unwrap();
        let t0 = Instant::now();
        assert!(limiter.take(a, WRITE_COST, t0).is_ok());
        assert!(limiter.take(a, 1.0, t0).is_err());
        let off = RateLimiter::new(0.0, 0.0);
        for _ in 0..10_000 {
            assert!(off.take(a, WRITE_COST, t0).is_ok());
        }
    }
}
