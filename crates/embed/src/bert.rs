//! The BERT encoder's forward pass on the CPU (post-norm layers, GELU, absolute positions),
//! with the weights of a safetensors file; the sentence vector is the mean of the last layer.

use crate::Error;
use ndarray::{Array1, Array2, ArrayView1, Axis, Slice};
use safetensors::{Dtype, SafeTensors};

/// The shape of the encoder, from the model's `config.json`.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub hidden: usize,
    pub heads: usize,
    pub layers: usize,
    pub intermediate: usize,
    pub max_positions: usize,
    pub eps: f32,
}

impl Config {
    pub fn from_json(text: &str) -> Result<Config, Error> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::Format(format!("config.json: {e}")))?;
        let int = |k: &str| {
            v[k].as_u64()
                .map(|n| n as usize)
                .ok_or_else(|| Error::Format(format!("config.json has no number `{k}`")))
        };
        if let Some(act) = v["hidden_act"].as_str() {
            if act != "gelu" {
                return Err(Error::Format(format!(
                    "activation `{act}` is not supported"
                )));
            }
        }
        let c = Config {
            hidden: int("hidden_size")?,
            heads: int("num_attention_heads")?,
            layers: int("num_hidden_layers")?,
            intermediate: int("intermediate_size")?,
            max_positions: int("max_position_embeddings")?,
            eps: v["layer_norm_eps"].as_f64().unwrap_or(1e-12) as f32,
        };
        if c.heads == 0 || !c.hidden.is_multiple_of(c.heads) {
            return Err(Error::Format(
                "hidden size is not a multiple of the heads".into(),
            ));
        }
        Ok(c)
    }
}

/// `x W + b`, with W stored as [in, out].
#[derive(Debug, Clone)]
struct Linear {
    w: Array2<f32>,
    b: Array1<f32>,
}

impl Linear {
    fn forward(&self, x: &Array2<f32>) -> Array2<f32> {
        x.dot(&self.w) + &self.b
    }
}

#[derive(Debug, Clone)]
struct LayerNorm {
    g: Array1<f32>,
    b: Array1<f32>,
    eps: f32,
}

impl LayerNorm {
    fn forward(&self, mut x: Array2<f32>) -> Array2<f32> {
        for mut row in x.rows_mut() {
            let n = row.len() as f32;
            let mean = row.sum() / n;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.g).zip(&self.b) {
                *v = (*v - mean) * inv * g + b;
            }
        }
        x
    }
}

#[derive(Debug, Clone)]
struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    out: Linear,
    norm1: LayerNorm,
    up: Linear,
    down: Linear,
    norm2: LayerNorm,
}

/// The encoder with its weights.
#[derive(Debug, Clone)]
pub struct Bert {
    config: Config,
    words: Array2<f32>,
    positions: Array2<f32>,
    token_type: Array1<f32>,
    norm: LayerNorm,
    layers: Vec<Layer>,
}

impl Bert {
    /// Reads the weights from the bytes of a safetensors file (names with or without a `bert.`
    /// prefix, as Hugging Face writes them).
    pub fn from_safetensors(bytes: &[u8], config: Config) -> Result<Bert, Error> {
        let st = SafeTensors::deserialize(bytes)
            .map_err(|e| Error::Format(format!("safetensors: {e}")))?;
        let prefix = if st.names().iter().any(|n| n.starts_with("bert.")) {
            "bert."
        } else {
            ""
        };
        let tensor = |name: &str, shape: &[usize]| -> Result<Vec<f32>, Error> {
            let full = format!("{prefix}{name}");
            let t = st
                .tensor(&full)
                .map_err(|_| Error::Format(format!("the weights have no `{full}`")))?;
            if t.dtype() != Dtype::F32 {
                return Err(Error::Format(format!(
                    "`{full}` is {:?}, not F32",
                    t.dtype()
                )));
            }
            if t.shape() != shape {
                return Err(Error::Format(format!(
                    "`{full}` has shape {:?}, expected {shape:?}",
                    t.shape()
                )));
            }
            Ok(t.data()
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect())
        };
        let h = config.hidden;
        let matrix = |name: &str, rows: usize, cols: usize| -> Result<Array2<f32>, Error> {
            let data = tensor(name, &[rows, cols])?;
            Array2::from_shape_vec((rows, cols), data).map_err(|e| Error::Format(e.to_string()))
        };
        let vector = |name: &str, n: usize| -> Result<Array1<f32>, Error> {
            Ok(Array1::from_vec(tensor(name, &[n])?))
        };
        // PyTorch stores a linear layer's weight as [out, in]; it is kept transposed.
        let linear = |name: &str, inp: usize, out: usize| -> Result<Linear, Error> {
            Ok(Linear {
                w: matrix(&format!("{name}.weight"), out, inp)?
                    .reversed_axes()
                    .as_standard_layout()
                    .into_owned(),
                b: vector(&format!("{name}.bias"), out)?,
            })
        };
        let norm = |name: &str| -> Result<LayerNorm, Error> {
            Ok(LayerNorm {
                g: vector(&format!("{name}.weight"), h)?,
                b: vector(&format!("{name}.bias"), h)?,
                eps: config.eps,
            })
        };
        let words_shape = st
            .tensor(&format!("{prefix}embeddings.word_embeddings.weight"))
            .map_err(|_| Error::Format("the weights have no word embeddings".into()))?
            .shape()
            .to_vec();
        let vocab = words_shape.first().copied().unwrap_or(0);
        let types = matrix("embeddings.token_type_embeddings.weight", 2, h)?;
        let mut layers = Vec::with_capacity(config.layers);
        for l in 0..config.layers {
            let p = format!("encoder.layer.{l}");
            layers.push(Layer {
                q: linear(&format!("{p}.attention.self.query"), h, h)?,
                k: linear(&format!("{p}.attention.self.key"), h, h)?,
                v: linear(&format!("{p}.attention.self.value"), h, h)?,
                out: linear(&format!("{p}.attention.output.dense"), h, h)?,
                norm1: norm(&format!("{p}.attention.output.LayerNorm"))?,
                up: linear(&format!("{p}.intermediate.dense"), h, config.intermediate)?,
                down: linear(&format!("{p}.output.dense"), config.intermediate, h)?,
                norm2: norm(&format!("{p}.output.LayerNorm"))?,
            });
        }
        Ok(Bert {
            config,
            words: matrix("embeddings.word_embeddings.weight", vocab, h)?,
            positions: matrix(
                "embeddings.position_embeddings.weight",
                config.max_positions,
                h,
            )?,
            token_type: types.row(0).to_owned(),
            norm: norm("embeddings.LayerNorm")?,
            layers,
        })
    }

    /// Most tokens one pass takes.
    pub fn max_tokens(&self) -> usize {
        self.config.max_positions
    }

    /// The mean of the last layer over the tokens `ids`, scaled to unit length.
    pub fn embed(&self, ids: &[u32]) -> Vec<f32> {
        let h = self.config.hidden;
        let n = ids.len().min(self.config.max_positions);
        if n == 0 {
            return vec![0.0; h];
        }
        let mut x = Array2::<f32>::zeros((n, h));
        for (i, &id) in ids[..n].iter().enumerate() {
            let word = self.words.row((id as usize).min(self.words.nrows() - 1));
            let mut row = x.row_mut(i);
            row += &word;
            row += &self.positions.row(i);
            row += &self.token_type;
        }
        let mut x = self.norm.forward(x);
        let heads = self.config.heads;
        let d = h / heads;
        let scale = 1.0 / (d as f32).sqrt();
        for layer in &self.layers {
            let q = layer.q.forward(&x);
            let k = layer.k.forward(&x);
            let v = layer.v.forward(&x);
            let mut context = Array2::<f32>::zeros((n, h));
            for head in 0..heads {
                let cols = Slice::from(head * d..(head + 1) * d);
                let mut scores = q
                    .slice_axis(Axis(1), cols)
                    .dot(&k.slice_axis(Axis(1), cols).t());
                for mut row in scores.rows_mut() {
                    softmax(&mut row, scale);
                }
                context
                    .slice_axis_mut(Axis(1), cols)
                    .assign(&scores.dot(&v.slice_axis(Axis(1), cols)));
            }
            let attended = layer.out.forward(&context) + &x;
            x = layer.norm1.forward(attended);
            let mut inner = layer.up.forward(&x);
            inner.mapv_inplace(gelu);
            let out = layer.down.forward(&inner) + &x;
            x = layer.norm2.forward(out);
        }
        let mean = x.mean_axis(Axis(0)).unwrap_or_else(|| Array1::zeros(h));
        unit(mean.view())
    }
}

fn softmax(row: &mut ndarray::ArrayViewMut1<f32>, scale: f32) {
    let max = row.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v * scale));
    let mut sum = 0.0;
    for v in row.iter_mut() {
        *v = (*v * scale - max).exp();
        sum += *v;
    }
    for v in row.iter_mut() {
        *v /= sum;
    }
}

/// The exact GELU, as BERT's `gelu` is.
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + libm::erff(x / std::f32::consts::SQRT_2))
}

fn unit(v: ArrayView1<f32>) -> Vec<f32> {
    let norm = v.dot(&v).sqrt();
    if norm > 0.0 {
        v.iter().map(|x| x / norm).collect()
    } else {
        v.to_vec()
    }
}
